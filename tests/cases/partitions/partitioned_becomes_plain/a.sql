create table t (id int, v text, constraint t_pkey primary key (id), constraint t_v_check check (v <> '')) partition by list (id);
create index t_v on t (v);
create table t_1 partition of t for values in (1, 2);
