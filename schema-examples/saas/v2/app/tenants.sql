-- A customer organisation; everything else belongs to one.
create table app.tenants (
    id bigint generated always as identity primary key,
    slug text not null unique check (slug ~ '^[a-z0-9-]+$'),
    name text not null,
    created_at timestamptz not null default now()
);

comment on column app.tenants.slug is 'Used in URLs: acme in acme.example.com';
