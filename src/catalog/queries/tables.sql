-- One row per table (plain, partitioned, partition, inheritance child), as plain columns
-- matching model::Table; its columns come from the table_columns query. Comments and
-- extension membership are joined, not looked up per table; what only some tables have
-- (parents, a replica identity index, options) keeps a lookup, guarded so that it runs
-- only for them.
with rel as (
  select c.oid, c.relname, c.relkind, c.relispartition, c.relpartbound, c.relpersistence,
         c.relnatts,
         c.relrowsecurity, c.relforcerowsecurity, c.relreplident, c.reloptions, c.relowner,
         coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner)) as acl, n.nspname
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and @schema_filter(n.nspname)
),
-- Most tables share one ACL (the default of one owner): explode each distinct ACL once.
acls as materialized (
  select u.acl, @acl(u.acl, 'r', 0) as grants
  from (select distinct r.acl from rel r) u
)
select
  c.nspname as "schema",
  c.relname as "name",
  c.relkind = 'p' as "partitioned",
  case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end as "partition_key",
  case when c.relispartition then (
    select @qname(pn.nspname, pc.relname)
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class pc on pc.oid = i.inhparent
    join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid) end as "partition_of",
  case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end
    as "partition_bound",
  -- The hashed membership test spares the tables without parents a lookup.
  case when not c.relispartition
            and c.oid in (select i.inhrelid from pg_catalog.pg_inherits i) then (
    select json_agg(@qname(pn.nspname, pc.relname) order by i.inhseqno)
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class pc on pc.oid = i.inhparent
    join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid) else '[]'::json end as "inherits",
  c.relpersistence = 'u' as "unlogged",
  c.relrowsecurity as "rls_enabled",
  c.relforcerowsecurity as "rls_forced",
  case c.relreplident when 'd' then 'default' when 'n' then 'nothing'
                      when 'f' then 'full' else 'index' end as "replica_identity",
  case when c.relreplident = 'i' then (
    select ic.relname
    from pg_catalog.pg_index x join pg_catalog.pg_class ic on ic.oid = x.indexrelid
    where x.indrelid = c.oid and x.indisreplident) end as "replica_identity_index",
  case when c.reloptions is null then '[]'::json else
    coalesce((select json_agg(o order by o collate "C") from unnest(c.reloptions) o), '[]') end
    as "reloptions",
  pg_catalog.pg_get_userbyid(c.relowner) as "owner",
  td.description as "comment",
  acls.grants as "acl",
  ext.extname as "extension",
  -- Not a field: room for its columns (dropped ones counted too), filled by table_columns.
  c.relnatts as "column_count"
from rel c
join acls on acls.acl = c.acl
left join pg_catalog.pg_description td on td.objoid = c.oid
  and td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass and td.objsubid = 0
left join @extension_members(pg_class) ext on ext.objid = c.oid
