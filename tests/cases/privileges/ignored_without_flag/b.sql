do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, name text);
grant select on t to migra_alice;
grant select (name) on t to migra_bob;
create function f() returns int language sql as 'select 1';
revoke execute on function f() from public;
