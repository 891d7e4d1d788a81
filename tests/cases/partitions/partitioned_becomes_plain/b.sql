create table t (id int, v text, constraint t_pkey primary key (id), constraint t_v_check check (v <> ''));
create index t_v on t (v);
create table t_1 (id int, v text);
