create table t (id int, d date) partition by range (id);
create table t_1 partition of t for values from (0) to (10);
create index t_d on t (d);
alter table t add constraint t_pkey primary key (id);
insert into t values (1, '2020-01-01');
