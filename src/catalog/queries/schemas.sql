-- One row per schema, as JSON matching model::Schema.
select json_build_object(
  'name', n.nspname,
  'owner', pg_catalog.pg_get_userbyid(n.nspowner),
  'comment', @comment(n.oid, pg_namespace),
  'acl', @acl(n.nspacl, 'n', n.nspowner),
  'extension', @extension_of(pg_catalog.pg_namespace, n.oid)
)
from pg_catalog.pg_namespace n
where @schema_filter(n.nspname)
