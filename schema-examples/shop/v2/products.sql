create table shop.products (
    id bigint generated always as identity primary key,
    sku text not null unique,
    title text not null,
    price shop.amount not null,
    updated_at timestamptz not null default now()
);

comment on table shop.products is 'The catalogue';

create index products_title_idx on shop.products (lower(title));

create trigger products_touch
    before update on shop.products
    for each row execute function shop.touch_updated_at();

grant select on shop.products to public;
