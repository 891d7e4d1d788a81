create sequence s as integer start with 100;
create table t (id int default nextval('s'));
