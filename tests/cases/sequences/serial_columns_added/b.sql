create table t (id int, n serial, b bigserial, s smallserial);
