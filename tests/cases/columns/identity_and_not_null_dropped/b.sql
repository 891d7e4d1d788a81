create table t (id int, v text);
