do $$ begin create role migra_alice; exception when duplicate_object then null; end $$;
create schema app authorization migra_alice;
create table app.t (id int);
alter table app.t owner to migra_alice;
create function app.f() returns int language sql as 'select 1';
alter function app.f() owner to migra_alice;
