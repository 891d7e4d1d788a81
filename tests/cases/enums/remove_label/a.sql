create type status as enum ('new', 'open', 'obsolete', 'closed');
create table ticket (
  id int primary key,
  s status not null default 'new',
  history status[] default '{new}',
  other status
);
insert into ticket values (1, 'open', '{new,open}', 'closed'), (2, 'closed', '{closed}', null);
create index ticket_s on ticket (s);
create view open_tickets as select id, s from ticket where s = 'open';
create function next_status(status) returns status language sql immutable as $$ select 'closed'::status $$;
create domain nonnew as status check (value <> 'new');
create table step (id int, st nonnew);
