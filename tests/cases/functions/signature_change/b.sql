create function f(a int, b int default 1) returns int language sql as 'select a + b';
create function keep(x int) returns int language sql as 'select f(x)';
