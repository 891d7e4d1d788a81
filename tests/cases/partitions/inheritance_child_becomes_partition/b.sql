create table p (id int, v text) partition by list (id);
create table c partition of p for values in (1);
