create table t (id int constraint t_pkey primary key, code text);
create table u (t_id int constraint u_t_fk references t);
