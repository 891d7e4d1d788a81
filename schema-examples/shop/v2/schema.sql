create schema shop;

create type shop.order_status as enum ('new', 'paid', 'shipped');

create domain shop.money_cents as integer check (value >= 0);

create table shop.customers (
    id bigint generated always as identity primary key,
    email text not null unique,
    name text not null,
    created_at timestamptz not null default now()
);

comment on table shop.customers is 'People who buy things';

create table shop.products (
    id bigint generated always as identity primary key,
    sku text not null unique,
    title text not null,
    price_cents shop.money_cents not null
);

create table shop.orders (
    id bigint generated always as identity primary key,
    customer_id bigint not null references shop.customers (id),
    status shop.order_status not null default 'new',
    placed_at timestamptz not null default now()
);

create index orders_customer_idx on shop.orders (customer_id);

create view shop.open_orders as
    select o.id, c.email, o.placed_at
    from shop.orders o join shop.customers c on c.id = o.customer_id
    where o.status <> 'shipped';
