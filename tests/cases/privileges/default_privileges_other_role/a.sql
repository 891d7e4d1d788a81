do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create schema app;
alter default privileges for role migra_alice in schema app grant select on tables to migra_bob with grant option;
alter default privileges for role migra_alice grant usage on types to migra_bob;
