create function f(a int) returns bigint language sql as 'select a::bigint + 1';
create function g() returns table (x int, y int) language sql as 'select 1, 2';
