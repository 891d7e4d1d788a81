create table t (a int, b bigint, c varchar(10), d varchar(10), e varchar, f numeric(10,2), g smallint, h text);
insert into t values (1, 2, 'c', 'd', 'e', 1.5, 3, 'h');
