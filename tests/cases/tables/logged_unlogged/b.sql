create unlogged table t (id int);
create table u (id int);
