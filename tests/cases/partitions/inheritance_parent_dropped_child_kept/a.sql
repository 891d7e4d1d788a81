create table p (a int, b text, constraint p_a check (a > 0));
create table c (extra int) inherits (p);
