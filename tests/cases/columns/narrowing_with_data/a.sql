create table t (a text, b bigint, c varchar(20), d numeric(12,2));
insert into t values ('12', 34, 'abc', 1.25);
