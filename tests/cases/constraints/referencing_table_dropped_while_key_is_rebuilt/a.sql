create table t5 (c10 text constraint k11 primary key);
create table t34 (c41 text constraint k40 references t5 (c10));
