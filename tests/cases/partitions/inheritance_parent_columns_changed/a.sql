create table p (a int, b text);
create table c (extra int) inherits (p);
