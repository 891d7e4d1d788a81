create schema shop;

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
    price_cents integer not null check (price_cents >= 0)
);
