create table t (id int primary key, name text);
create table v (id int, name text);
