create table t (id int primary key, name text);
create view gone as select id from t;
