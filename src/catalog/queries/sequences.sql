-- One row per sequence, as plain columns matching model::Sequence (its options each in a
-- column of its own). A sequence owned by a column (serial or OWNED BY: deptype 'a'; identity
-- column: deptype 'i') names that column. Comments and extension membership are joined
-- once for all sequences, not looked up per sequence.
with seq as (
  select c.oid, c.relname, c.relpersistence, c.relowner,
         coalesce(c.relacl, pg_catalog.acldefault('s', c.relowner)) as acl, n.nspname,
         s.seqtypid, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  join pg_catalog.pg_sequence s on s.seqrelid = c.oid
  where c.relkind = 'S' and @schema_filter(n.nspname)
),
-- Most sequences share one ACL (the default of one owner): explode each distinct ACL once.
acls as materialized (
  select u.acl, @acl(u.acl, 's', 0) as grants
  from (select distinct q.acl from seq q) u
)
select x.* from (select
  c.nspname as "schema",
  c.relname as "name",
  -- The options as plain columns: a JSON object per sequence costs both sides more.
  pg_catalog.format_type(c.seqtypid, null) as "data_type",
  c.seqstart as "start",
  c.seqincrement as "increment",
  c.seqmin as "min",
  c.seqmax as "max",
  c.seqcache as "cache",
  c.seqcycle as "cycle",
  c.relpersistence = 'u' as "unlogged",
  case when o.refobjid is not null then @qname(tn.nspname, tc.relname) end as "owned_by_table",
  -- The owning column by number: the inspector names it from the columns it has read,
  -- unless its table is not read (a foreign table; it is always in the same schema).
  o.refobjsubid as "owned_by_number",
  case when tc.relkind not in ('r', 'p') then (
    select a.attname from pg_catalog.pg_attribute a
    where a.attrelid = o.refobjid and a.attnum = o.refobjsubid) end as "owned_by_column",
  coalesce(o.deptype = 'i', false) as "identity",
  pg_catalog.pg_get_userbyid(c.relowner) as "owner",
  cd.description as "comment",
  acls.grants as "acl",
  ext.extname as "extension"
from seq c
join acls on acls.acl = c.acl
left join lateral (
  select d.refobjid, d.refobjsubid, d.deptype
  from pg_catalog.pg_depend d
  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid
    and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.refobjsubid > 0
    and d.deptype in ('a', 'i')
  limit 1) o on true
left join pg_catalog.pg_class tc on tc.oid = o.refobjid
left join pg_catalog.pg_namespace tn on tn.oid = tc.relnamespace
left join pg_catalog.pg_description cd on cd.objoid = c.oid
  and cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass and cd.objsubid = 0
left join @extension_members(pg_class) ext on ext.objid = c.oid
) x
