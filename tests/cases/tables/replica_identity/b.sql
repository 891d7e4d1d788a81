create table t (id int);
alter table t replica identity full;
create table u (id int);
alter table u replica identity nothing;
