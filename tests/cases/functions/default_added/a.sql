create function f(a int, b int) returns int language sql as 'select a + b';
create function g(a int, b text default ' DEFAULT ') returns int language sql as 'select a';
create view v as select f(1, 2) as x, g(1) as y;
