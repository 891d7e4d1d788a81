-- One row per installed extension, as JSON matching model::Extension; filtered by the
-- schema it lives in (plpgsql, in pg_catalog, is never listed).
select json_build_object(
  'name', e.extname,
  'schema', n.nspname,
  'version', e.extversion,
  'relocatable', e.extrelocatable,
  'comment', @comment(e.oid, pg_extension)
)
from pg_catalog.pg_extension e
join pg_catalog.pg_namespace n on n.oid = e.extnamespace
where @schema_filter(n.nspname)
