create table p (id int, v text);
create table c (extra int);
create table d (more int) inherits (p);
