create table t (id int primary key, name text, price numeric);
create view base as select id, name::varchar(20) as name from t;
create view top as select id, upper(name) as uname from base;
create view top2 as select b.id from base b join top using (id);
