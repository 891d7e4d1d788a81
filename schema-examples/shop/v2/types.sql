-- Where an order is in its life.
create type shop.order_status as enum ('new', 'paid', 'shipped', 'cancelled');

-- Money in the shop's currency: two decimals, never negative.
create domain shop.amount as numeric(12, 2)
    constraint amount_not_negative check (value >= 0);

comment on domain shop.amount is 'A price or total in the shop currency';
