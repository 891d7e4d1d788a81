create type span as (first text, last text, weight int);
create table s (id int, v span, vs span[]);
insert into s values
  (1, ('a', 'z', 3), array[('a', 'z', 1), null, (null, null, null)]::span[]),
  (2, null, null),
  (3, (null, null, null), '{}');
