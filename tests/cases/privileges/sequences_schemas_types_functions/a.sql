do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
do $$ begin create role migra_bob; exception when duplicate_object then null; end $$;
create sequence s;
create schema app;
create type mood as enum ('sad', 'happy');
create domain posint as int check (value > 0);
create function f() returns int language sql as 'select 1';
