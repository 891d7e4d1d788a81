create table p (id int, v text default 'a', w int not null) partition by list (id);
create table p_1 partition of p for values in (1);
create table q (v text default 'a', w int);
create table c () inherits (q);
