create table r (id int primary key);
create table p (id int, r_id int, constraint p_fk foreign key (r_id) references r, constraint p_ck check (id >= 0)) partition by range (id);
create table p_1 partition of p for values from (0) to (10);
