do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, owner_name text);
alter table t enable row level security;
create policy p on t as restrictive using (owner_name = current_user);
create policy r on t as restrictive for delete to migra_bob using (false);
