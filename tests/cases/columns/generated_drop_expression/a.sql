create table t (a int, b int, c int generated always as (a + b) stored);
insert into t values (1, 2);
