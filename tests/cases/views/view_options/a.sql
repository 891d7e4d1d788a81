create table t (id int primary key, secret text, owner_name text);
create view v as select id, owner_name from t where owner_name = current_user;
create view w with (security_barrier) as select id from t;
create view c as select id, owner_name from t where id > 0 with local check option;
