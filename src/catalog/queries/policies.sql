-- One row per row level security policy, as JSON matching model::Policy.
select jsonb_build_object(
  'schema', n.nspname,
  'table', c.relname,
  'name', p.polname,
  'command', case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
               when 'd' then 'delete' else 'all' end,
  'permissive', p.polpermissive,
  'roles', (
    select coalesce(jsonb_agg(g.name order by g.name), '[]')
    from (select case when x.roleid = 0 then 'public' else pg_catalog.pg_get_userbyid(x.roleid) end
          from unnest(p.polroles) x(roleid)) g(name)),
  'using_', pg_catalog.pg_get_expr(p.polqual, p.polrelid),
  'with_check', pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid),
  'comment', @comment(p.oid, pg_policy)
)
from pg_catalog.pg_policy p
join pg_catalog.pg_class c on c.oid = p.polrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where @schema_filter(n.nspname)
