create table t (id int, code text, constraint t_pkey primary key (id) include (code));
create table u (t_id int constraint u_t_fk references t);
