-- One row per row level security policy, as columns matching model::Policy.
select
  n.nspname as "schema",
  c.relname as "table",
  p.polname as "name",
  case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'
               when 'd' then 'delete' else 'all' end as "command",
  p.polpermissive as "permissive",
  (
    select coalesce(json_agg(g.name order by g.name), '[]')
    from (select case when x.roleid = 0 then 'public' else pg_catalog.pg_get_userbyid(x.roleid) end
          from unnest(p.polroles) x(roleid)) g(name)) as "roles",
  pg_catalog.pg_get_expr(p.polqual, p.polrelid) as "using_",
  pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as "with_check",
  -- What the expressions use: a column can't change type under a policy, nor can a
  -- function it calls be dropped.
  (
    select coalesce(json_agg(distinct a.attname collate "C" order by a.attname collate "C"), '[]')
    from pg_catalog.pg_depend d
    join pg_catalog.pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
    where d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass and d.objid = p.oid
      and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      and d.refobjid = p.polrelid and d.refobjsubid > 0) as "columns",
  (
    select coalesce(json_agg(distinct r.key collate "C" order by r.key collate "C"), '[]')
    from (
      select @object_key(d.refclassid, d.refobjid) as key
      from pg_catalog.pg_depend d
      where d.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass and d.objid = p.oid
        and d.deptype = 'n' and d.refobjid <> p.polrelid) r
    where r.key is not null) as "depends_on",
  @comment(p.oid, pg_policy) as "comment"
from pg_catalog.pg_policy p
join pg_catalog.pg_class c on c.oid = p.polrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where @schema_filter(n.nspname)
