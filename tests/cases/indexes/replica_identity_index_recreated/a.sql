create table t (a int not null, b text not null);
create unique index t_a on t (a);
alter table t replica identity using index t_a;
