do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
revoke usage on schema public from public;
grant create on schema public to migra_alice;
create type pair as (a int, b int);
revoke usage on type pair from public;
grant usage on type pair to migra_alice;
create type span as range (subtype = int);
grant usage on type span to migra_alice with grant option;
