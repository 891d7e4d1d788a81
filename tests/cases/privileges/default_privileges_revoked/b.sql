do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create schema app;
alter default privileges in schema app grant select on tables to migra_alice;
