create function f(b int) returns int language sql as 'select b';
create view v as select f(1) as x;
