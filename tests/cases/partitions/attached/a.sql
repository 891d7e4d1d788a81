create table t (id int primary key, v text) partition by range (id);
create table t_1 (id int primary key, v text);
