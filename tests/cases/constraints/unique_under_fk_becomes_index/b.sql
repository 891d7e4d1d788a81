create table t (a int);
create unique index t_a_key on t (a);
create table u (t_a int constraint u_fk references t (a));
