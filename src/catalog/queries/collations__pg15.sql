-- Collations before PostgreSQL 15, which has no colliculocale: an ICU collation keeps its
-- locale in collcollate and collctype. It is read into icu_locale, and lc_collate and
-- lc_ctype stay null as PostgreSQL 15 reports them, so models compare across versions.
select json_build_object(
  'schema', n.nspname,
  'name', co.collname,
  'provider', case co.collprovider when 'c' then 'libc' when 'i' then 'icu'
                when 'd' then 'default' end,
  'deterministic', co.collisdeterministic,
  'lc_collate', case when co.collprovider <> 'i' then co.collcollate::text end,
  'lc_ctype', case when co.collprovider <> 'i' then co.collctype::text end,
  'icu_locale', case when co.collprovider = 'i' then co.collcollate::text end,
  'owner', pg_catalog.pg_get_userbyid(co.collowner),
  'comment', @comment(co.oid, pg_collation),
  'extension', @extension_of(pg_catalog.pg_collation, co.oid)
)
from pg_catalog.pg_collation co
join pg_catalog.pg_namespace n on n.oid = co.collnamespace
where @schema_filter(n.nspname)
