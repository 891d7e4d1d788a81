create function touch() returns trigger language plpgsql as $$ begin return new; end $$;
create table t (id int primary key);
create trigger a before insert on t for each row execute function touch();
create trigger b before insert on t for each row execute function touch();
create trigger c before insert on t for each row execute function touch();
create trigger d before insert on t for each row execute function touch();
alter table t disable trigger a;
alter table t enable always trigger c;
alter table t enable replica trigger d;
