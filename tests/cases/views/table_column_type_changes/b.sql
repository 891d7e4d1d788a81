create table t (id int primary key, amount bigint);
create view v as select id, amount * 2 as twice from t;
create view w as select id, twice from v;
