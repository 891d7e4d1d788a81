-- One row per sequence, as JSON matching model::Sequence. A sequence owned by a column
-- (serial or OWNED BY: deptype 'a'; identity column: deptype 'i') names that column.
select json_build_object(
  'schema', n.nspname,
  'name', c.relname,
  'options', json_build_object(
    'data_type', pg_catalog.format_type(s.seqtypid, null),
    'start', s.seqstart, 'increment', s.seqincrement, 'min', s.seqmin, 'max', s.seqmax,
    'cache', s.seqcache, 'cycle', s.seqcycle),
  'unlogged', c.relpersistence = 'u',
  'owned_by_table', case when o.refobjid is not null then @qname(tn.nspname, tc.relname) end,
  'owned_by_column', a.attname,
  'identity', coalesce(o.deptype = 'i', false),
  'owner', pg_catalog.pg_get_userbyid(c.relowner),
  'comment', @comment(c.oid, pg_class),
  'acl', @acl(c.relacl, 's', c.relowner),
  'extension', @extension_of(pg_catalog.pg_class, c.oid)
)
from pg_catalog.pg_class c
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_sequence s on s.seqrelid = c.oid
left join lateral (
  select d.refobjid, d.refobjsubid, d.deptype
  from pg_catalog.pg_depend d
  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid
    and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.refobjsubid > 0
    and d.deptype in ('a', 'i')
  limit 1) o on true
left join pg_catalog.pg_class tc on tc.oid = o.refobjid
left join pg_catalog.pg_namespace tn on tn.oid = tc.relnamespace
left join pg_catalog.pg_attribute a on a.attrelid = o.refobjid and a.attnum = o.refobjsubid
where c.relkind = 'S' and @schema_filter(n.nspname)
