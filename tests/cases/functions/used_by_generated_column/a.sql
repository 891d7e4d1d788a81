create function dbl(a int) returns int language sql immutable as 'select a * 2';
create table t (id int primary key, d int generated always as (dbl(id)) stored);
