-- Trigger function for any table with a tenant_id: one event per changed row.
create function audit.record_change() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'DELETE' then
        insert into audit.events (tenant_id, action, detail)
        values (old.tenant_id, tg_table_schema || '.' || tg_table_name || ' delete', to_jsonb(old));
    else
        insert into audit.events (tenant_id, action, detail)
        values (new.tenant_id, tg_table_schema || '.' || tg_table_name || ' ' || lower(tg_op), to_jsonb(new));
    end if;
    return null;
end
$$;
