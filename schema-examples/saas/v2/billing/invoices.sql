create table billing.invoices (
    id bigint generated always as identity primary key,
    tenant_id bigint not null references app.tenants (id),
    period daterange not null,
    net_cents bigint not null check (net_cents >= 0),
    discount_cents bigint not null default 0 check (discount_cents between 0 and net_cents),
    tax_rate numeric(5, 4) not null default 0.2,
    -- Computed by the database, so every report rounds the same way. Tax is due on the
    -- discounted amount.
    tax_cents bigint generated always as (round((net_cents - discount_cents) * tax_rate)::bigint) stored,
    total_cents bigint generated always as
        (net_cents - discount_cents + round((net_cents - discount_cents) * tax_rate)::bigint) stored,
    issued_at timestamptz not null default now()
);

create index invoices_tenant_idx on billing.invoices (tenant_id, issued_at desc);
