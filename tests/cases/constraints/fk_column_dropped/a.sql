create table p (id int primary key);
create table c (id int, p_id int constraint c_fk references p, v text);
