create extension hstore;
create table t (id int, h hstore);
create view hv as select id, h -> 'k' as k from t;
