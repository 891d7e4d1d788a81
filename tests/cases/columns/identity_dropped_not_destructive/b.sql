create table t (id int not null, v text);
