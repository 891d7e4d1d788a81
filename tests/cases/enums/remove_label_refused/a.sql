create type status as enum ('new', 'open', 'obsolete');
create table ticket (id int, s status);
