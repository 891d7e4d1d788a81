do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, owner_name text);
alter table t enable row level security;
alter table t force row level security;
create policy p on t to migra_alice using (owner_name = current_user);
