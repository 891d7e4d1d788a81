-- A table that joins parents keeps its columns as its own (attislocal); declaring them
-- here says so, as PostgreSQL has no way to make an existing column inherited-only.
create table p1 (a int);
create table p2 (b int);
create table c (a int, b int, z int) inherits (p1, p2);
