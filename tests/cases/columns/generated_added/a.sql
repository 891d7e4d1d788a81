create table t (a int, b int);
insert into t values (1, 2);
