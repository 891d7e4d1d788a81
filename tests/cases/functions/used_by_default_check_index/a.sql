create function f(a int) returns int language sql immutable as 'select a';
create table t (id int primary key, n int default f(1) check (f(n) > 0));
create index t_f on t (f(id));
