create schema ext;
create extension citext with schema ext;
create table t (id int, c ext.citext);
