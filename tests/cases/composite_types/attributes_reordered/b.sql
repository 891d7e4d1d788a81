create type span as (last text, first text, extra int);
create table s (id int, v span);
insert into s values (1, ('z', 'a', null)), (2, null), (3, (null, null, null));
-- Holds only when values moved by attribute name, and NULL stayed apart from a row of nulls.
alter table s add constraint converted check (
  (v).first is distinct from 'z' and (v).last is distinct from 'a'
  and (id <> 2 or v::text is null) and (id <> 3 or v::text = '(,,)'));
