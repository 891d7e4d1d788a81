create type status as enum ('draft', 'new', 'open');
create table ticket (id int, s status default 'draft', check (s <> 'open'));
