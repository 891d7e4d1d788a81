create extension citext version '1.4';
create table t (id int, c citext);
create extension hstore version '1.8';
