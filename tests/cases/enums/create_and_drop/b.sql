create type new_kind as enum ('p', 'q');
comment on type new_kind is 'kinds';
create table t (id int, n new_kind default 'q');
