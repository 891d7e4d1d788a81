create function f(a int) returns int language sql as 'select a';
create view v as select f(1) as x;
