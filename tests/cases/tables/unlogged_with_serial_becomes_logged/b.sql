create table t (id serial, v text);
