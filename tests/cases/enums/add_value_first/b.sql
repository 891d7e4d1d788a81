create type status as enum ('draft', 'new', 'open');
create table ticket (id int primary key, s status default 'open');
