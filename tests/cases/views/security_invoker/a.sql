create table t (id int primary key);
create view v as select id from t;
create view w with (security_invoker) as select id from t;
