create table t (a bigint, b numeric, c varchar(20), d text, e text, f numeric(12,2), g int, h varchar);
