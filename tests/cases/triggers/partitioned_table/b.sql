create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create table t (id int, at timestamptz) partition by range (id);
create table t1 partition of t for values from (0) to (10);
create table t2 partition of t for values from (10) to (20);
create trigger t_touch before insert or update on t for each row execute function touch();
create trigger t1_own after delete on t1 for each row execute function touch();
