-- One row per enum type, as columns matching model::EnumType; labels in sort order (labels
-- added with BEFORE/AFTER get fractional enumsortorder values, so oid order would be wrong).
select
  n.nspname as "schema",
  t.typname as "name",
  (
    select coalesce(json_agg(e.enumlabel order by e.enumsortorder), '[]')
    from pg_catalog.pg_enum e
    where e.enumtypid = t.oid) as "labels",
  pg_catalog.pg_get_userbyid(t.typowner) as "owner",
  @comment(t.oid, pg_type) as "comment",
  @acl(t.typacl, 'T', t.typowner) as "acl",
  @extension_of(pg_catalog.pg_type, t.oid) as "extension",
  -- The type's and its labels' numbers: stored expressions name them by number.
  t.oid as "oid",
  t.typarray as "array_oid",
  (select pg_catalog.string_agg(e.oid::text, ',' order by e.enumsortorder)
   from pg_catalog.pg_enum e where e.enumtypid = t.oid) as "label_oids"
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e' and @schema_filter(n.nspname)
