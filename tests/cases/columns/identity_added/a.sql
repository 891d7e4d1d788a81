create table t (id int not null, v text);
insert into t values (1, 'a');
