create schema app;
comment on schema app is 'Tenants and their users';

create schema billing;
comment on schema billing is 'Plans, subscriptions and invoices';

create schema audit;
comment on schema audit is 'Who changed what, kept by triggers';
