create function f(a int) returns int language sql immutable strict parallel safe leakproof cost 5 as 'select a + 1';
create function g(a text) returns text language plpgsql set search_path = pg_catalog, public set work_mem = '8MB' as $$ begin return a; end $$;
