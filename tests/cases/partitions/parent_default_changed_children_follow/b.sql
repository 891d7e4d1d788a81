create table p (id int, v text default 'b', w int) partition by list (id);
create table p_1 partition of p for values in (1);
create table q (v text, w int not null);
create table c () inherits (q);
