do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
create type pair as (a int, b int);
create type span as range (subtype = int);
