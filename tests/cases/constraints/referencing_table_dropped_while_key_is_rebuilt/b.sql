create table t5 (c65 text constraint k11 primary key);
create table t64 (c41 text constraint k40 references t5 (c65));
