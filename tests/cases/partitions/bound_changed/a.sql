create table t (id int, v text) partition by range (id);
create table t_1 partition of t for values from (0) to (10);
create table t_d partition of t default;
