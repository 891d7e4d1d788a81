create table public.keep (id int);
create schema billing;
comment on schema billing is 'money things';
create type billing.state as enum ('open', 'paid');
create domain billing.cents as bigint check (value >= 0);
create table billing.invoice (id int primary key, state billing.state default 'open', total billing.cents);
create view billing.open_invoices as select id from billing.invoice where state = 'open';
create function billing.total(billing.invoice) returns billing.cents language sql stable as $$ select ($1).total $$;
