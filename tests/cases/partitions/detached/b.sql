create table t (id int primary key, v text) partition by range (id);
create table t_1 (id int not null, v text);
alter table t_1 add constraint t_1_pkey primary key (id);
create table t_2 (id int not null, v text);
alter table t_2 add constraint t_2_pkey primary key (id);
