create type old_pair as (a int, b int);
create table t (id int, p old_pair);
