do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
