-- One row per collation in the filtered schemas (pg_catalog's built-ins are never listed),
-- as JSON matching model::Collation. PostgreSQL 15 and 16.
select json_build_object(
  'schema', n.nspname,
  'name', co.collname,
  'provider', case co.collprovider when 'c' then 'libc' when 'i' then 'icu'
                when 'd' then 'default' end,
  'deterministic', co.collisdeterministic,
  'lc_collate', co.collcollate,
  'lc_ctype', co.collctype,
  'icu_locale', co.colliculocale,
  'owner', pg_catalog.pg_get_userbyid(co.collowner),
  'comment', @comment(co.oid, pg_collation),
  'extension', @extension_of(pg_catalog.pg_collation, co.oid)
)
from pg_catalog.pg_collation co
join pg_catalog.pg_namespace n on n.oid = co.collnamespace
where @schema_filter(n.nspname)
