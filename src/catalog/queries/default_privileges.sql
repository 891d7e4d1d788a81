-- One row per ALTER DEFAULT PRIVILEGES entry, as columns matching model::DefaultPrivilege.
-- Entries for all schemas (defaclnamespace = 0) are always read; the others follow the
-- schema filter.
select
  pg_catalog.pg_get_userbyid(d.defaclrole) as "role",
  n.nspname as "schema",
  case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences'
                   when 'f' then 'functions' when 'T' then 'types' when 'n' then 'schemas'
                   when 'L' then 'large objects' end as "object_type",
  -- defaclacl is never null; the acldefault kind is only given to satisfy the macro
  -- (pg_default_acl says 'S' for sequences, acldefault says 's').
  @acl(d.defaclacl, case d.defaclobjtype when 'S' then 's' else d.defaclobjtype end,
              d.defaclrole) as "acl"
from pg_catalog.pg_default_acl d
left join pg_catalog.pg_namespace n on n.oid = d.defaclnamespace
where d.defaclnamespace = 0 or @schema_filter(n.nspname)
