create table t (id int primary key, name text, created date);
create view v as select id, name, created from t;
alter view v alter column name set default 'anon';
