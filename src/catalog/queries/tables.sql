-- One row per table (plain, partitioned, partition, inheritance child), as JSON matching
-- model::Table, with its columns in attnum order.
-- Set-based on purpose: the columns of all selected tables are read in one join and
-- grouped by table; defaults, comments and extension membership are joined, not looked
-- up per table or per column. What only some columns or tables have (identity, an own
-- collation, privileges, a user-defined type, dependencies, parents) keeps a lookup,
-- guarded so that it runs only for them: the catalogs' statistics can be far off, and
-- a small grouped subquery joined per column could end up recomputed per column.
with rel as (
  select c.oid, c.relname, c.relkind, c.relispartition, c.relpartbound, c.relpersistence,
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
),
-- The table filter is repeated here on pg_class rather than read from rel, a CTE the
-- planner has no statistics for: with them it finds a cheaper plan for the big join.
cols as (
  select a.attrelid, json_agg(col order by a.attnum) as columns
  from pg_catalog.pg_class r
  join pg_catalog.pg_namespace n on n.oid = r.relnamespace
  join pg_catalog.pg_attribute a on a.attrelid = r.oid
  join pg_catalog.pg_type t on t.oid = a.atttypid
  left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
  left join pg_catalog.pg_description cd on cd.objoid = a.attrelid
    and cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass and cd.objsubid = a.attnum
  -- The record's field names are the JSON keys: cheaper than json_build_object, which
  -- converts each key argument like a value.
  cross join lateral (select
      a.attname as "name",
      pg_catalog.format_type(a.atttypid, a.atttypmod) as "type",
      a.attnotnull as "not_null",
      -- A default cannot reference columns, so it needs no relation context (setting
      -- one up opens the table: most of the cost of deparsing a default).
      case when a.attgenerated = '' then pg_catalog.pg_get_expr(ad.adbin, 0) end as "default_",
      case when a.attcollation <> t.typcollation then (
        select @qname(cn.nspname, co.collname) from pg_catalog.pg_collation co
        join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
        where co.oid = a.attcollation) end as "collation",
      case a.attidentity when 'a' then 'always' when 'd' then 'by default' else '' end
          as "identity",
      case when a.attidentity <> '' then (
        select pg_catalog.row_to_json(o) from (select
          pg_catalog.format_type(s.seqtypid, null) as "data_type", s.seqstart as "start",
          s.seqincrement as "increment", s.seqmin as "min", s.seqmax as "max",
          s.seqcache as "cache", s.seqcycle as "cycle"
        from pg_catalog.pg_depend d
        join pg_catalog.pg_sequence s on s.seqrelid = d.objid
        where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
          and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
          and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype = 'i') o) end
          as "identity_options",
      case when a.attgenerated = 's' then pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) end
          as "generated",
      not a.attislocal as "inherited",
      cd.description as "comment",
      case when a.attacl is null then '[]'::json else @acl(a.attacl, 'c', r.relowner) end
          as "acl",
      -- Types below FirstNormalObjectId (16384) come with the server and have no key.
      case when a.atttypid >= 16384 then @user_type_key(a.atttypid) end as "type_key",
      -- What the default (or generation expression) references, as sorted model keys;
      -- the hashed membership test spares the defaults that reference nothing a lookup.
      coalesce(case when ad.oid in (
          select d.objid from pg_catalog.pg_depend d
          where d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass and d.deptype = 'n') then (
        select json_agg(k.key order by k.key) filter (where k.key is not null)
        from (select distinct @object_key(d.refclassid, d.refobjid) collate "C" as key
              from pg_catalog.pg_depend d
              where d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass
                and d.objid = ad.oid and d.deptype = 'n') k) end, '[]') as "depends_on"
    ) col
  where a.attnum > 0 and not a.attisdropped
    and r.relkind in ('r', 'p') and @schema_filter(n.nspname)
  group by a.attrelid
)
select json_build_object(
  'schema', c.nspname,
  'name', c.relname,
  'partitioned', c.relkind = 'p',
  'partition_key', case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end,
  'partition_of', case when c.relispartition then (
    select @qname(pn.nspname, pc.relname)
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class pc on pc.oid = i.inhparent
    join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid) end,
  'partition_bound', case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end,
  -- The hashed membership test spares the tables without parents a lookup.
  'inherits', case when not c.relispartition
                     and c.oid in (select i.inhrelid from pg_catalog.pg_inherits i) then (
    select json_agg(@qname(pn.nspname, pc.relname) order by i.inhseqno)
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class pc on pc.oid = i.inhparent
    join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid) else '[]'::json end,
  'unlogged', c.relpersistence = 'u',
  'rls_enabled', c.relrowsecurity,
  'rls_forced', c.relforcerowsecurity,
  'replica_identity', case c.relreplident when 'd' then 'default' when 'n' then 'nothing'
                        when 'f' then 'full' else 'index' end,
  'replica_identity_index', case when c.relreplident = 'i' then (
    select ic.relname from pg_catalog.pg_index x join pg_catalog.pg_class ic on ic.oid = x.indexrelid
    where x.indrelid = c.oid and x.indisreplident) end,
  'reloptions', case when c.reloptions is null then '[]'::json else
    coalesce((select json_agg(o order by o collate "C") from unnest(c.reloptions) o), '[]') end,
  'owner', pg_catalog.pg_get_userbyid(c.relowner),
  'comment', td.description,
  'acl', acls.grants,
  'columns', coalesce(cols.columns, '[]'),
  'extension', ext.extname
)
from rel c
join acls on acls.acl = c.acl
left join cols on cols.attrelid = c.oid
left join pg_catalog.pg_description td on td.objoid = c.oid
  and td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass and td.objsubid = 0
left join (
  select d.objid, e.extname
  from pg_catalog.pg_depend d
  join pg_catalog.pg_extension e on e.oid = d.refobjid
  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
    and d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    and d.deptype = 'e') ext on ext.objid = c.oid
