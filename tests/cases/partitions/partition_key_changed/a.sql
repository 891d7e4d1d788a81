create table t (id int, d date) partition by range (id);
