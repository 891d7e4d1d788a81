create function f(a int) returns int language sql as 'select a + 1';
create function g() returns table (x int) language sql as 'select 1';
