create table billing.plans (
    code text primary key,
    name text not null,
    seat_cents integer not null check (seat_cents >= 0)
);

create table billing.subscriptions (
    tenant_id bigint primary key references app.tenants (id) on delete cascade,
    plan_code text not null references billing.plans (code),
    seats integer not null default 1 check (seats > 0),
    started_at timestamptz not null default now()
);

create trigger subscriptions_audit
    after insert or update or delete on billing.subscriptions
    for each row execute function audit.record_change();
