-- One row per collation in the filtered schemas (pg_catalog's built-ins are never listed),
-- as columns matching model::Collation. Before PostgreSQL 15 there is no colliculocale: an
-- ICU collation keeps its locale in collcollate and collctype. It is read into icu_locale,
-- and lc_collate and lc_ctype stay null as PostgreSQL 15 reports them, so models compare
-- across versions.
select
  n.nspname as "schema",
  co.collname as "name",
  case co.collprovider when 'c' then 'libc' when 'i' then 'icu'
                when 'd' then 'default' end as "provider",
  co.collisdeterministic as "deterministic",
  @since(150000, co.collcollate,
         case when co.collprovider <> 'i' then co.collcollate::text end) as "lc_collate",
  @since(150000, co.collctype,
         case when co.collprovider <> 'i' then co.collctype::text end) as "lc_ctype",
  @since(150000, co.colliculocale,
         case when co.collprovider = 'i' then co.collcollate::text end) as "icu_locale",
  pg_catalog.pg_get_userbyid(co.collowner) as "owner",
  @comment(co.oid, pg_collation) as "comment",
  @extension_of(pg_catalog.pg_collation, co.oid) as "extension"
from pg_catalog.pg_collation co
join pg_catalog.pg_namespace n on n.oid = co.collnamespace
where @schema_filter(n.nspname)
