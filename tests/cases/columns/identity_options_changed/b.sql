create table t (id int generated always as identity (start with 100 increment by 10 minvalue 50 maxvalue 100000 cache 5 cycle));
