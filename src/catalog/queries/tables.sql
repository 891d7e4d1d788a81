-- One row per table (plain, partitioned, partition, inheritance child), as JSON matching
-- model::Table, with its columns in attnum order.
select json_build_object(
  'schema', n.nspname,
  'name', c.relname,
  'partitioned', c.relkind = 'p',
  'partition_key', case when c.relkind = 'p' then pg_catalog.pg_get_partkeydef(c.oid) end,
  'partition_of', (
    select @qname(pn.nspname, pc.relname)
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class pc on pc.oid = i.inhparent
    join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid and c.relispartition),
  'partition_bound', case when c.relispartition then pg_catalog.pg_get_expr(c.relpartbound, c.oid) end,
  'inherits', (
    select coalesce(json_agg(@qname(pn.nspname, pc.relname) order by i.inhseqno), '[]')
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class pc on pc.oid = i.inhparent
    join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = c.oid and not c.relispartition),
  'unlogged', c.relpersistence = 'u',
  'rls_enabled', c.relrowsecurity,
  'rls_forced', c.relforcerowsecurity,
  'replica_identity', case c.relreplident when 'd' then 'default' when 'n' then 'nothing'
                        when 'f' then 'full' else 'index' end,
  'replica_identity_index', (
    select ic.relname from pg_catalog.pg_index x join pg_catalog.pg_class ic on ic.oid = x.indexrelid
    where x.indrelid = c.oid and x.indisreplident and c.relreplident = 'i'),
  'reloptions', coalesce((select json_agg(o order by o collate "C") from unnest(c.reloptions) o), '[]'),
  'owner', pg_catalog.pg_get_userbyid(c.relowner),
  'comment', @comment(c.oid, pg_class),
  'acl', @acl(c.relacl, 'r', c.relowner),
  'columns', (
    select coalesce(json_agg(json_build_object(
      'name', a.attname,
      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'not_null', a.attnotnull,
      'default_', case when a.attgenerated = '' then pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) end,
      'collation', case when a.attcollation <> t.typcollation then
          @qname(cn.nspname, co.collname) end,
      'identity', case a.attidentity when 'a' then 'always' when 'd' then 'by default' else '' end,
      'identity_options', (
        select json_build_object(
          'data_type', pg_catalog.format_type(s.seqtypid, null),
          'start', s.seqstart, 'increment', s.seqincrement, 'min', s.seqmin, 'max', s.seqmax,
          'cache', s.seqcache, 'cycle', s.seqcycle)
        from pg_catalog.pg_depend d
        join pg_catalog.pg_sequence s on s.seqrelid = d.objid
        where a.attidentity <> '' and d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
          and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
          and d.refobjid = c.oid and d.refobjsubid = a.attnum and d.deptype = 'i'),
      'generated', case when a.attgenerated = 's' then pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) end,
      'inherited', not a.attislocal,
      'comment', @column_comment(c.oid, a.attnum),
      'acl', case when a.attacl is null then '[]'::json else @acl(a.attacl, 'c', c.relowner) end,
      'type_key', @user_type_key(a.atttypid),
      'depends_on', (
        select coalesce(json_agg(k.key order by k.key), '[]')
        from (select distinct @object_key(d.refclassid, d.refobjid) collate "C" as key
              from pg_catalog.pg_depend d
              where d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass and d.objid = ad.oid
                and d.deptype = 'n') k
        where k.key is not null)
    ) order by a.attnum), '[]')
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_type t on t.oid = a.atttypid
    left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
    left join pg_catalog.pg_collation co on co.oid = a.attcollation
    left join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped),
  'extension', @extension_of(pg_catalog.pg_class, c.oid)
)
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where c.relkind in ('r', 'p') and @schema_filter(n.nspname)
