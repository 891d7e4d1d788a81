create table t (a int, b varchar(10));
create index t_b on t (b);
