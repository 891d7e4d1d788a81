create function dbl(a int) returns bigint language sql immutable as 'select a::bigint * 2';
create table t (id int primary key, d int generated always as (dbl(id)) stored);
