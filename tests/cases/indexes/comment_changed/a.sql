create table t (a int);
create index t_a on t (a);
comment on index t_a is 'old';
