create table t (id serial primary key);
