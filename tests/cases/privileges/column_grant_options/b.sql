do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, a int, b int);
grant select (a) on t to migra_alice;
grant insert (b) on t to migra_bob with grant option;
