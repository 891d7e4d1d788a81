create table t (id int primary key);
create materialized view m with (fillfactor=70) as select id from t with no data;
create materialized view m2 as select id from t;
create view m2v as select id from m2;
