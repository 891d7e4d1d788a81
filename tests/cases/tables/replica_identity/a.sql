create table t (id int);
create table u (id int);
alter table u replica identity full;
