create table t (id bigserial primary key, v text);
