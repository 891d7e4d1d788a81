create table t (id int) with (fillfactor = 80);
create table u (id int);
