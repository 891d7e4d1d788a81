create table t (id int, v text) partition by list (id);
create table t_1 partition of t for values in (1);
create index t_v on t (v);
