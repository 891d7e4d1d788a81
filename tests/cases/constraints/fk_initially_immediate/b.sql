create table p (id int primary key);
create table c (p_id int constraint c_p_fk references p deferrable initially immediate);
