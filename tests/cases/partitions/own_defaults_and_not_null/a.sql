create table p (id int, v text default 'p', w int) partition by list (id);
create table p_1 partition of p for values in (1);
create table p_2 partition of p for values in (2);
create table q (id int, v text default 'q');
