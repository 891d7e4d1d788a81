create table c (v int constraint c_v check (v > 0));
insert into c values (5);
