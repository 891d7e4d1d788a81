create procedure f(a int) language sql as 'select 1';
