create table t (id int, n serial);
