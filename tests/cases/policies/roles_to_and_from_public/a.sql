do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key);
alter table t enable row level security;
create policy p on t to migra_alice using (true);
create policy q on t using (true);
