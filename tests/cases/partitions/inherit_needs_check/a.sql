create table p (a int not null, constraint p_a check (a > 0));
create table c (a int not null);
