create table t (id int primary key, name text);
create view v as select id, name from t;
create function v_ins() returns trigger language plpgsql as $$ begin insert into t values (new.id, new.name); return new; end $$;
