create table t (id int primary key, name text);
create view v as select id from t;
create function f(a int) returns int language sql as 'select a';
comment on view v is 'v';
