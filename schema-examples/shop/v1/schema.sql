-- The shop keeps everything in its own schema.
create schema shop;

comment on schema shop is 'Online shop: customers, catalogue and orders';

grant usage on schema shop to public;
