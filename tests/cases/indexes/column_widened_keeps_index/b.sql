create table t (a int, b varchar(20));
create index t_b on t (b);
