create table t (a int constraint t_a_key unique);
create table u (t_a int constraint u_fk references t (a));
