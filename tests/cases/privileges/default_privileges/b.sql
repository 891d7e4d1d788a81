do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create schema app;
alter default privileges in schema app grant select on tables to migra_alice;
alter default privileges grant usage on sequences to migra_bob;
alter default privileges revoke execute on functions from public;
alter default privileges in schema app grant execute on functions to migra_bob with grant option;
