create table t (id int primary key, name text, price numeric);
create view base as select id, name from t;
create view top as select id, name from base;
