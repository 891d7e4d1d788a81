create table t (id int primary key, name text, created date);
create view v as select id, name, created from t;
alter view v alter column created set default current_date;
