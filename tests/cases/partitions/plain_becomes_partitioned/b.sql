create table t (id int primary key, v text) partition by range (id);
create index t_v on t (v);
create table t_1 partition of t for values from (0) to (100);
create table t_2 partition of t for values from (100) to (200);
