create function f(a int) returns int language sql as 'select a';
create procedure p(inout x int, out y int) language plpgsql as $$ begin y := x; end $$;
