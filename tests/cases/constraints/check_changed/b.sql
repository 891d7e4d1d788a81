create table c (v int constraint c_v check (v > 1 and v < 100));
