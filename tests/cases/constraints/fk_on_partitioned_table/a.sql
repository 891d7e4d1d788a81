create table r (id int primary key);
create table p (id int, r_id int) partition by range (id);
create table p_1 partition of p for values from (0) to (10);
