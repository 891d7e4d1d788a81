create table p1 (a int);
create table p2 (b int);
create table c (a int, b int, z int);
