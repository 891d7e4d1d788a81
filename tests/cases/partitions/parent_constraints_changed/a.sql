create table p (a int, constraint p_a check (a > 0));
create table c () inherits (p);
create table t (id int, k int, constraint t_pkey primary key (id)) partition by range (id);
create table t_1 partition of t for values from (0) to (10);
