-- Orders that still need work, with who placed them.
create view shop.open_orders as
    select o.id, o.status, o.total, o.placed_at, c.email, c.name
    from shop.orders o
    join shop.customers c on c.id = o.customer_id
    where o.status <> 'shipped';

comment on view shop.open_orders is 'Orders not shipped yet';

-- Sales per product, refreshed by a nightly job.
create materialized view shop.product_sales as
    select p.id as product_id, p.sku, sum(l.quantity) as units, sum(l.quantity * l.unit_price - l.discount) as revenue
    from shop.products p
    join shop.order_lines l on l.product_id = p.id
    group by p.id, p.sku;

-- Unique, so the nightly job can refresh it concurrently.
create unique index product_sales_product_idx on shop.product_sales (product_id);
