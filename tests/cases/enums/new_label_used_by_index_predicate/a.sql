create type status as enum ('new', 'open');
create table ticket (id int, s status, note text);
create index ticket_open on ticket (id) where s <> 'open';
alter table ticket add constraint ticket_note check (s <> 'new' or note is not null);
