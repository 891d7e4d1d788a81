create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create table t (id int primary key, name text);
create trigger t_touch before insert on t for each row execute function touch();
create trigger gone after delete on t for each statement execute function touch();
