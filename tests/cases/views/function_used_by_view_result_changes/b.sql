create table t (id int primary key, name text);
create function label(t) returns varchar language sql as $$ select $1.name::varchar $$;
create view v as select id, label(t) as l from t;
