create function f(a int default 1) returns int language sql as 'select a';
create procedure p(inout x int) language sql as 'select 1';
