create table t (id int primary key);
create sequence s owned by t.id;
