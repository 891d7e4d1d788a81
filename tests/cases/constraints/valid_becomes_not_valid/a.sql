create table c (v int constraint c_v check (v > 0));
