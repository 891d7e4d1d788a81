create type status as enum ('new', 'open');
create table ticket (id int primary key, s status default 'open');
