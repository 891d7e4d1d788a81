-- One row per enum type, as JSON matching model::EnumType; labels in sort order (labels
-- added with BEFORE/AFTER get fractional enumsortorder values, so oid order would be wrong).
select json_build_object(
  'schema', n.nspname,
  'name', t.typname,
  'labels', (
    select coalesce(json_agg(e.enumlabel order by e.enumsortorder), '[]')
    from pg_catalog.pg_enum e
    where e.enumtypid = t.oid),
  'owner', pg_catalog.pg_get_userbyid(t.typowner),
  'comment', @comment(t.oid, pg_type),
  'acl', @acl(t.typacl, 'T', t.typowner),
  'extension', @extension_of(pg_catalog.pg_type, t.oid)
)
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'e' and @schema_filter(n.nspname)
