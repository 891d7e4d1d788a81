create table other (id int);
create table t (id int primary key, name text);
comment on table t is 'table';
comment on column t.name is 'column';
create view z_base as select id, name from t;
create view a_top as select id from z_base;
comment on view z_base is 'base';
comment on view a_top is 'top';
