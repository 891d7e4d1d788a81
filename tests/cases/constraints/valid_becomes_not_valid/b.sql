create table c (v int);
alter table c add constraint c_v check (v > 0) not valid;
