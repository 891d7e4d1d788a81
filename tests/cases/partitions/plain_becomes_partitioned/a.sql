create table t (id int primary key, v text);
create index t_v on t (v);
