create type status as enum ('new', 'open', 'gone', 'legacy');
create table ticket (id int, s status constraint not_gone check (s <> 'gone'), t status);
create index ticket_open on ticket (id) where s = 'open';
create index ticket_expr on ticket ((s = 'new'));
