-- One row per ALTER DEFAULT PRIVILEGES entry, as JSON matching model::DefaultPrivilege.
-- Entries for all schemas (defaclnamespace = 0) are always read; the others follow the
-- schema filter.
select json_build_object(
  'role', pg_catalog.pg_get_userbyid(d.defaclrole),
  'schema', n.nspname,
  'object_type', case d.defaclobjtype when 'r' then 'tables' when 'S' then 'sequences'
                   when 'f' then 'functions' when 'T' then 'types' when 'n' then 'schemas'
                   when 'L' then 'large objects' end,
  -- defaclacl is never null; the acldefault kind is only given to satisfy the macro
  -- (pg_default_acl says 'S' for sequences, acldefault says 's').
  'acl', @acl(d.defaclacl, case d.defaclobjtype when 'S' then 's' else d.defaclobjtype end,
              d.defaclrole)
)
from pg_catalog.pg_default_acl d
left join pg_catalog.pg_namespace n on n.oid = d.defaclnamespace
where d.defaclnamespace = 0 or @schema_filter(n.nspname)
