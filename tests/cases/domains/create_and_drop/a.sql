create domain old_positive as integer check (value > 0);
create table t (id int, n old_positive);
