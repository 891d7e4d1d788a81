create function f(a int) returns int language sql as 'select a + 1';
create function g(a text) returns text language plpgsql security definer set search_path = public as $$ begin return a; end $$;
