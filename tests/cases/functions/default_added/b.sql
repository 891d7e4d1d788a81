create function f(a int, b int default 1) returns int language sql as 'select a + b';
create function g(a int default 0, b text default 'other') returns int language sql as 'select a';
create view v as select f(1, 2) as x, g(1) as y;
