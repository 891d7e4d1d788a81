create table t (a int);
insert into t values (1);
