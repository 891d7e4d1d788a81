do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, owner_name text);
alter table t enable row level security;
create policy p on t for select using (true);
create policy q on t for all using (owner_name = current_user) with check (owner_name = current_user);
