create table t (id int not null, v text, constraint t_v check (v <> '')) partition by range (id);
create table t_1 (id int, v text, extra int);
