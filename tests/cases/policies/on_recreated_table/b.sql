do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int, owner_name text) partition by hash (id);
alter table t enable row level security;
create policy p on t using (owner_name = current_user);
create policy p2 on t for select to migra_bob using (true);
