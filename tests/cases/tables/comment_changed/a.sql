create table t (id int);
comment on table t is 'old';
