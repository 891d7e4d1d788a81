create table t (a text, b bigint);
