do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create table t (id int primary key, name text, secret text);
grant select, insert on t to migra_alice with grant option;
grant insert on t to migra_bob;
grant update (secret), select (id, name) on t to migra_bob;
create table fresh (id int);
grant select on fresh to public;
revoke truncate on fresh from current_user;
