create table p (id int primary key) partition by range (id);
create table p_1 partition of p for values from (0) to (10);
create table c (p_id int);
