create type money2 as (amount numeric, currency text, note text);
create table invoice (id int, total money2, parts money2[]);
insert into invoice values (1, (10.5, 'EUR', 'n'), array[(1, 'EUR', null)::money2]);
create function in_eur(money2) returns numeric language sql immutable as $$ select ($1).amount $$;
create view invoice_totals as select id, (total).amount from invoice;
