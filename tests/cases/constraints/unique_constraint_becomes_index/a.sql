create table t (a int, b int, constraint t_a_key unique (a));
