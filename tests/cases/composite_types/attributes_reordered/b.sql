create type span as (last text, first text, extra int);
create table s (id int, v span, vs span[]);
insert into s values
  (1, ('z', 'a', null), array[('z', 'a', null), null, (null, null, null)]::span[]),
  (2, null, null),
  (3, (null, null, null), '{}');
-- Holds only when values moved by attribute name, and NULL stayed apart from a row of nulls.
alter table s add constraint converted check (
  (v).first is distinct from 'z' and (v).last is distinct from 'a'
  and (id <> 1 or (vs[1].first = 'a' and vs[1].last = 'z' and vs[2]::text is null
                   and vs[3]::text = '(,,)' and cardinality(vs) = 3))
  and (id <> 2 or (v::text is null and vs is null))
  and (id <> 3 or (v::text = '(,,)' and vs = '{}')));
