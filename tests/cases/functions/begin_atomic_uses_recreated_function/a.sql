create function f(a int) returns int language sql as 'select a';
create function g(a int) returns int language sql begin atomic select f(a) + 1; end;
create view v as select g(1) as x;
