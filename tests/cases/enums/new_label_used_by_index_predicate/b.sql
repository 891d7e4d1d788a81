create type status as enum ('new', 'open', 'closed');
create table ticket (id int, s status, note text);
-- Both now name the new label: added in the same migration, it can't be used there
-- unless the type is made anew.
create index ticket_open on ticket (id) where s <> 'closed';
alter table ticket add constraint ticket_note check (s <> 'closed' or note is not null);
