create function f(a int) returns bigint language sql as 'select a::bigint';
create function g(a int) returns int language sql begin atomic select (f(a) + 1)::int; end;
create view v as select g(1) as x;
