-- Customers reach their own orders only. The application sets shop.customer_id for
-- each session (set shop.customer_id = '42'); without it, or after a reset (when the
-- setting reads as ''), no order is visible.
alter table shop.orders enable row level security;

create policy orders_own on shop.orders
    for select
    to public
    using (customer_id = nullif(current_setting('shop.customer_id', true), '')::bigint);

alter table shop.order_lines enable row level security;

create policy order_lines_own on shop.order_lines
    for select
    to public
    using (order_id in (select id from shop.orders));

-- Grants are compared and applied when privileges are asked for (--with-privileges).
grant select on shop.orders, shop.order_lines to public;
