create table t (a int, b int);
create sequence s owned by t.b;
