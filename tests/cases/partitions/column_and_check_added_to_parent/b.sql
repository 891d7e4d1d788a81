create table t (id int, v text, w int default 0 not null) partition by list (id);
create table t_1 partition of t for values in (1);
alter table t add constraint t_w check (w >= 0);
