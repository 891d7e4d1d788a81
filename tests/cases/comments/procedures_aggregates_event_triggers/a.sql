create function add_it(s int, v int) returns int language sql immutable as 'select s + v';
create aggregate total(int) (sfunc = add_it, stype = int, initcond = '0');
create procedure p(a int) language sql as 'select 1';
create function on_ddl() returns event_trigger language plpgsql as $$ begin null; end $$;
create event trigger et on ddl_command_end execute function on_ddl();
comment on event trigger et is 'old';
comment on procedure p(int) is 'old';
