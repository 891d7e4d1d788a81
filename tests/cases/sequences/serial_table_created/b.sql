create table t (id serial primary key, s smallserial, b bigserial);
