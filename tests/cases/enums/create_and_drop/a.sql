create type old_kind as enum ('x', 'y');
create table t (id int, k old_kind);
