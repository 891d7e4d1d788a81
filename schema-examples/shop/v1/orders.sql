create table shop.orders (
    id bigint generated always as identity primary key,
    customer_id bigint not null references shop.customers (id),
    status shop.order_status not null default 'new',
    -- Kept up to date from the order lines by shop.update_order_total().
    total shop.amount not null default 0,
    placed_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create index orders_customer_idx on shop.orders (customer_id);

create table shop.order_lines (
    order_id bigint not null references shop.orders (id) on delete cascade,
    line_no integer not null,
    product_id bigint not null references shop.products (id),
    quantity integer not null check (quantity > 0),
    unit_price shop.amount not null,
    primary key (order_id, line_no)
);

comment on table shop.order_lines is 'What an order contains, one line per product';

create trigger orders_touch
    before update on shop.orders
    for each row execute function shop.touch_updated_at();

create trigger order_lines_total
    after insert or update or delete on shop.order_lines
    for each row execute function shop.update_order_total();
