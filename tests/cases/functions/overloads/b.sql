create function f(a int) returns int language sql as 'select a * 10';
create function f(a text) returns text language sql as 'select upper(a)';
create function f(a date) returns date language sql as 'select a';
