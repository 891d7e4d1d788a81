create table t (id int, v text) partition by list (id);
create table t_1 partition of t for values in (1);
create table t_2 partition of t for values in (2);
create index t_v on t (v);
create unique index t_id on t (id);
