create table t (id int primary key, name text);
create view v as select name, id from t;
