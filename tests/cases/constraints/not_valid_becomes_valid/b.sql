create table p (id int primary key);
create table c (p_id int constraint c_p_fk references p, v int constraint c_v check (v > 0));
