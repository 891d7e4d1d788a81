create table t (id int primary key, name text);
create view v as select id, name from t;
create function f(a int) returns int language sql as 'select a + 1';
create function g() returns int language sql as 'select 1';
comment on view v is 'changed';
comment on column v.name is 'new column';
