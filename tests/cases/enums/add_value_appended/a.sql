create type status as enum ('new', 'open');
create table ticket (id int primary key, s status not null default 'new', history status[]);
insert into ticket values (1, 'open', '{new,open}');
create view open_tickets as select id from ticket where s = 'open';
