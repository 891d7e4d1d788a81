create table t (id int generated always as identity, v text);
insert into t (v) values ('a');
