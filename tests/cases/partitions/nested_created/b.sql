create table t (id int, k int, v text, primary key (id, k)) partition by range (id);
create table t_1 partition of t for values from (0) to (10) partition by list (k);
create table t_1_a partition of t_1 for values in (1, 2);
create table t_1_b partition of t_1 default;
create index t_v on t (v);
