create table t (a int, b text);
create index t_b on t (b);
create index t_ab on t (a, b);
