create table t (id int, d date) partition by list (id);
create table t_1 partition of t for values in (1, 2, 3);
create index t_d on t (d);
alter table t add constraint t_pkey primary key (id);
