do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create schema app;
create table app.t (id int);
grant select on app.t to migra_bob;
create view app.v as select id from app.t;
create sequence app.s;
create function app.f() returns int language sql as 'select 1';
create type app.mood as enum ('a');
