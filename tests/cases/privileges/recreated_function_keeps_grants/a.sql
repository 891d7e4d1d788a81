do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create function f(a int) returns int language sql as 'select a';
revoke execute on function f(int) from public;
grant execute on function f(int) to migra_alice with grant option;
alter function f(int) owner to migra_bob;
comment on function f(int) is 'f';
create function g(a int) returns int language sql as 'select a';
grant all on function g(int) to migra_bob;
