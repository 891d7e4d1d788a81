create function f(a int) returns void language sql as 'select 1';
