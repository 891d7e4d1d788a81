create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create table t (id int, at timestamptz) partition by range (id);
create trigger t_touch before insert on t for each row execute function touch();
