create table t (id int, code text, constraint t_pkey primary key (id, code));
