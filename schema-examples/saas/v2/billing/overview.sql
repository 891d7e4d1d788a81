-- One row per tenant for the back office: plan, seats, monthly price and head count.
create view billing.tenant_overview as
    select t.id as tenant_id,
           t.slug,
           s.plan_code,
           s.seats,
           s.seats * p.seat_cents as monthly_cents,
           (select count(*) from app.users u where u.tenant_id = t.id) as users
    from app.tenants t
    left join billing.subscriptions s on s.tenant_id = t.id
    left join billing.plans p on p.code = s.plan_code;
