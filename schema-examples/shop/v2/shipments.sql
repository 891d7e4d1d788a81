-- Parcels on their way; an order may ship in several.
create table shop.shipments (
    id bigint generated always as identity primary key,
    order_id bigint not null references shop.orders (id) on delete cascade,
    carrier text not null,
    tracking_code text,
    shipped_at timestamptz not null default now()
);

comment on table shop.shipments is 'Parcels sent for an order';

create index shipments_order_idx on shop.shipments (order_id);

alter table shop.shipments enable row level security;

create policy shipments_own on shop.shipments
    for select
    to public
    using (order_id in (select id from shop.orders));

grant select on shop.shipments to public;
