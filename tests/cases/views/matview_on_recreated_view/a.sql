create table t (id int primary key, v int);
create view base as select id, v from t;
create materialized view m as select id, v from base;
create unique index m_id on m (id);
comment on index m_id is 'uniq';
