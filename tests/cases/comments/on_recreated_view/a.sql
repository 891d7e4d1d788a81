create table t (id int primary key, v int);
create view vv as select id, v from t;
comment on view vv is 'keeps its comment';
comment on column vv.v is 'col comment';
