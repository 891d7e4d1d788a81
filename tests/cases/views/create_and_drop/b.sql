create table t (id int primary key, name text);
create view fresh as select name from t;
create materialized view mfresh as select id from t with no data;
