create table t (a int default 1, b text not null, c text, d text collate "C", e int);
