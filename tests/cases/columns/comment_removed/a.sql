create table t (a int);
comment on column t.a is 'old';
