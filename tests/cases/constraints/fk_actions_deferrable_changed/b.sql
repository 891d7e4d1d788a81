create table p (id int primary key);
create table c (p_id int constraint c_p_fk references p on delete cascade on update set null deferrable initially deferred);
