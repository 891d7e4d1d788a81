create extension hstore;
create table t (id int, h hstore, extra int);
create function f(hstore) returns text language sql immutable as $$ select $1 -> 'a' $$;
