create table t (id int);
create sequence t_n_seq as integer;
