create domain amount as bigint default 0 check (value >= 0);
create table payment (id int, a amount, b amount not null default 5, hist amount[]);
insert into payment values (1, 10, 20, '{1,2}');
create view big_payments as select id, a from payment where a > 100;
create function double_it(amount) returns amount language sql immutable as $$ select ($1 * 2)::amount $$;
