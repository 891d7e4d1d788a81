do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, name text);
create view v as select id, name from t;
create materialized view m as select id from t;
grant select on v to migra_alice;
