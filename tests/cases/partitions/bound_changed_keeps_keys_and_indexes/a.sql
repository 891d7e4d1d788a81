create table t (id int primary key, v text, constraint t_v check (v <> '')) partition by range (id);
create index t_v_idx on t (v);
create table t_1 partition of t for values from (0) to (10);
create table t_2 partition of t for values from (10) to (20);
insert into t values (1, 'a'), (15, 'b');
