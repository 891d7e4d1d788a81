create table t (a int, b int, c int generated always as (a + b) stored);
create index t_c on t (c);
insert into t values (1, 2);
