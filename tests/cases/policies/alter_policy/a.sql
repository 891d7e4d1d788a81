do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, owner_name text, secret boolean);
alter table t enable row level security;
create policy p_using on t using (owner_name = current_user);
create policy p_check on t for insert to migra_alice with check (owner_name = current_user);
create policy p_roles on t for select to migra_alice using (true);
