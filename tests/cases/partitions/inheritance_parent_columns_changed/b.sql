create table p (a bigint, b text not null default '', n int);
create table c (extra int) inherits (p);
