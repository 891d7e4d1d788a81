create table p (id int, v text);
create table c (id int, v text) inherits (p);
insert into c values (1, 'x');
