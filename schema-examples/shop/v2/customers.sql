create table shop.customers (
    id bigint generated always as identity primary key,
    email text not null,
    name text not null,
    phone text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint customers_email_key unique (email)
);

comment on table shop.customers is 'People with an account at the shop';
comment on column shop.customers.email is 'Where receipts go; also the login name';

create trigger customers_touch
    before update on shop.customers
    for each row execute function shop.touch_updated_at();
