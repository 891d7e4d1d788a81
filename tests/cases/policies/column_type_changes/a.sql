do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, n int, owner_name text);
alter table t enable row level security;
create policy p on t using (owner_name = current_user and n > 0);
create table u (id int primary key, other int);
alter table u enable row level security;
create policy untouched on u using (id > 0);
