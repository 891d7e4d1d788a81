create table t (a int default 2, b text, c text not null default 'x', d text, e int default 0);
