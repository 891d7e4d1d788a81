create extension hstore;
create extension citext;
create table t (id int, h hstore);
create function f(hstore) returns text language sql immutable as $$ select $1 -> 'a' $$;
