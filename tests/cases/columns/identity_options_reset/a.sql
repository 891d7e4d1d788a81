create table t (id smallint generated always as identity (start with 100 increment by 10 minvalue 50 maxvalue 10000 cache 5 cycle));
