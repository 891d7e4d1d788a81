create table t (id bigint generated always as identity);
