create table t (id serial primary key, v text);
insert into t (v) values ('a');
