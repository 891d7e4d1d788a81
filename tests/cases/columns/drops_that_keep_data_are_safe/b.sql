create table t (a int, b text, c int not null, d int);
