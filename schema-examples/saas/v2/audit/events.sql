-- Append-only; one partition per month, so old months can be detached and archived.
create table audit.events (
    id uuid not null default gen_random_uuid(),
    occurred_at timestamptz not null default now(),
    -- No foreign key: the history outlives the tenants and users it mentions.
    tenant_id bigint not null,
    -- The signed-in user the application names in app.user_id, if any.
    actor_id bigint,
    action text not null,
    detail jsonb not null default '{}',
    primary key (id, occurred_at)
) partition by range (occurred_at);

-- Rows outside every month land here rather than fail; move them out when a month's
-- partition is added.
create table audit.events_default partition of audit.events default;

create table audit.events_2024_01 partition of audit.events
    for values from ('2024-01-01 00:00:00+00') to ('2024-02-01 00:00:00+00');
create table audit.events_2024_02 partition of audit.events
    for values from ('2024-02-01 00:00:00+00') to ('2024-03-01 00:00:00+00');
create table audit.events_2024_03 partition of audit.events
    for values from ('2024-03-01 00:00:00+00') to ('2024-04-01 00:00:00+00');
create table audit.events_2024_04 partition of audit.events
    for values from ('2024-04-01 00:00:00+00') to ('2024-05-01 00:00:00+00');

-- A tenant's history, newest first; created on every partition.
create index events_tenant_idx on audit.events (tenant_id, occurred_at desc);
