create table t (id int primary key, name text);
create function label(t) returns text language sql stable as $$ select $1.name $$;
create view v as select id, label(t) as l from t;
