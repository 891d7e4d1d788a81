-- Trigger function for any table with a tenant_id: one event per changed row, with the
-- user the application set in app.user_id (set app.user_id = '7').
create function audit.record_change() returns trigger
    language plpgsql
as $$
declare
    actor bigint := nullif(current_setting('app.user_id', true), '')::bigint;
begin
    if tg_op = 'DELETE' then
        insert into audit.events (tenant_id, actor_id, action, detail)
        values (old.tenant_id, actor, tg_table_schema || '.' || tg_table_name || ' delete', to_jsonb(old));
    else
        insert into audit.events (tenant_id, actor_id, action, detail)
        values (new.tenant_id, actor, tg_table_schema || '.' || tg_table_name || ' ' || lower(tg_op), to_jsonb(new));
    end if;
    return null;
end
$$;
