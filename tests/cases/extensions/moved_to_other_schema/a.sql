create extension citext;
create table t (id int, c citext);
