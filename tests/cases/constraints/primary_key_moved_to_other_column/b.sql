create table t (id int, code text not null constraint t_pkey primary key);
