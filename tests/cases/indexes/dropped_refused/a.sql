create table t (a int, b text);
create index t_b on t (b);
