create table t (id int primary key, secret text, owner_name text);
create view v with (security_barrier=true) as select id, owner_name from t where owner_name = current_user with cascaded check option;
create view w as select id from t;
create view c as select id, owner_name from t where id > 0 with cascaded check option;
