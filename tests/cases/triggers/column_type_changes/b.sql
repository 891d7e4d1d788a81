create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create table t (id int primary key, name bigint);
create trigger t_touch before update of name on t for each row when (new.name is distinct from old.name) execute function touch();
create trigger untouched before insert on t for each row execute function touch();
