-- One row per schema, as columns matching model::Schema.
select
  n.nspname as "name",
  pg_catalog.pg_get_userbyid(n.nspowner) as "owner",
  @comment(n.oid, pg_namespace) as "comment",
  @acl(n.nspacl, 'n', n.nspowner) as "acl",
  @extension_of(pg_catalog.pg_namespace, n.oid) as "extension"
from pg_catalog.pg_namespace n
where @schema_filter(n.nspname)
