create type span as (first text, last text, weight int);
create table s (id int, v span);
insert into s values (1, ('a', 'z', 3)), (2, null), (3, (null, null, null));
