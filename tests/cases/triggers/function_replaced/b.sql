create function touch(int) returns int language sql as 'select 1';
create function touch2() returns trigger language plpgsql as $$ begin new.id := new.id + 1; return new; end $$;
create table t (id int primary key);
create trigger t_touch before insert on t for each row execute function touch2();
