-- One row per installed extension, as columns matching model::Extension; filtered by the
-- schema it lives in (plpgsql, in pg_catalog, is never listed).
select
  e.extname as "name",
  n.nspname as "schema",
  e.extversion as "version",
  e.extrelocatable as "relocatable",
  @comment(e.oid, pg_extension) as "comment"
from pg_catalog.pg_extension e
join pg_catalog.pg_namespace n on n.oid = e.extnamespace
where @schema_filter(n.nspname)
