-- Trigger function: stamps updated_at on every changed row.
create function shop.touch_updated_at() returns trigger
    language plpgsql
as $$
begin
    new.updated_at := now();
    return new;
end
$$;

-- The sum of an order's lines.
create function shop.order_total(order_id bigint) returns shop.amount
    language sql
    stable
as $$
    select coalesce(sum(l.quantity * l.unit_price), 0)::shop.amount
    from shop.order_lines l
    where l.order_id = order_total.order_id
$$;

-- Trigger function: keeps orders.total equal to the sum of its lines.
create function shop.update_order_total() returns trigger
    language plpgsql
as $$
declare
    changed_order bigint;
begin
    if tg_op = 'DELETE' then
        changed_order := old.order_id;
    else
        changed_order := new.order_id;
    end if;
    update shop.orders set total = shop.order_total(changed_order) where id = changed_order;
    return null;
end
$$;
