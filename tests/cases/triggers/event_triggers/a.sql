create function on_ddl() returns event_trigger language plpgsql as $$ begin null; end $$;
create function on_ddl2() returns event_trigger language plpgsql as $$ begin null; end $$;
create event trigger et_changed on ddl_command_end when tag in ('CREATE TABLE') execute function on_ddl();
create event trigger et_state on ddl_command_start execute function on_ddl();
create event trigger et_gone on sql_drop execute function on_ddl();
