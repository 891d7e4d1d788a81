create table t (id int primary key, name text, price numeric);
create view base as select id, name, price from t;
create view top as select id, name from base;
