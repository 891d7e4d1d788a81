create table p (id int primary key);
create table c (p_id int, v int);
alter table c add constraint c_p_fk foreign key (p_id) references p not valid;
alter table c add constraint c_v check (v > 0) not valid;
