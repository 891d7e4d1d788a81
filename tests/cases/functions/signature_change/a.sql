create function f(a int) returns int language sql as 'select a + 1';
create function keep(x int) returns int language sql as 'select f(x)';
