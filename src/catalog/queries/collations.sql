-- One row per collation in the filtered schemas (pg_catalog's built-ins are never listed),
-- as columns matching model::Collation. PostgreSQL 15 and 16.
select
  n.nspname as "schema",
  co.collname as "name",
  case co.collprovider when 'c' then 'libc' when 'i' then 'icu'
                when 'd' then 'default' end as "provider",
  co.collisdeterministic as "deterministic",
  co.collcollate as "lc_collate",
  co.collctype as "lc_ctype",
  co.colliculocale as "icu_locale",
  pg_catalog.pg_get_userbyid(co.collowner) as "owner",
  @comment(co.oid, pg_collation) as "comment",
  @extension_of(pg_catalog.pg_collation, co.oid) as "extension"
from pg_catalog.pg_collation co
join pg_catalog.pg_namespace n on n.oid = co.collnamespace
where @schema_filter(n.nspname)
