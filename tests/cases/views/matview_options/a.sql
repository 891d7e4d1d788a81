create table t (id int primary key);
create materialized view m with (fillfactor=50) as select id from t;
create materialized view m2 as select id from t;
