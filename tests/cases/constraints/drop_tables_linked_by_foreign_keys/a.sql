create table t1 (id int primary key, r int);
create table t2 (id int primary key, r int references t1);
alter table t1 add constraint k foreign key (r) references t2;
