create schema app;
create type app.status as enum ('new', 'open', 'closed');
create table app.ticket (id int primary key, s app.status);
create function app.is_open(app.status) returns boolean language sql immutable as $$ select $1 = 'open' $$;
