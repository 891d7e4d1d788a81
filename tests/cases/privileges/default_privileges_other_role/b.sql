do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create schema app;
alter default privileges for role migra_alice in schema app grant select, update on tables to migra_bob;
alter default privileges for role migra_alice in schema app grant usage on sequences to migra_bob;
