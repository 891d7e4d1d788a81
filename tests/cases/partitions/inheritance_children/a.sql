create table p (id int, v text);
create table c (extra int) inherits (p);
