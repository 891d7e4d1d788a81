create table t (a int, b int, c varchar(10), d numeric(10,1));
