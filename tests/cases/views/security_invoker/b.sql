create table t (id int primary key);
create view v with (security_invoker=true, security_barrier) as select id from t;
create view w as select id from t;
create materialized view m with (fillfactor=50) as select id from t;
