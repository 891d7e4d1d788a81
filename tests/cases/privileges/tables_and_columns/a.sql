do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, name text, secret text);
grant select on t to migra_alice;
grant insert, update on t to migra_bob with grant option;
grant select (name) on t to migra_bob;
