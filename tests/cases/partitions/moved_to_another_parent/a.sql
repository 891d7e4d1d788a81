create table p (id int, v text) partition by list (id);
create table p_1 partition of p for values in (1);
create table q (id int, v text) partition by list (id);
