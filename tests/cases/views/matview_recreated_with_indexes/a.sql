create table t (id int primary key, grp int, amount int);
create materialized view m as select grp, sum(amount) as total from t group by grp;
create unique index m_grp on m (grp);
create index m_total on m (total);
comment on materialized view m is 'totals';
comment on index m_total is 'by total';
comment on column m.total is 'the sum';
