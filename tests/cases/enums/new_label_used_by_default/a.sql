create type status as enum ('new', 'open');
create table ticket (id int, s status default 'new');
