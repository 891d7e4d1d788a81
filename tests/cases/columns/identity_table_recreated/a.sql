create table t (id int generated always as identity primary key, v text);
