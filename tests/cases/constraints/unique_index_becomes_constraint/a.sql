create table t (a int, b int);
create unique index t_a_key on t (a);
