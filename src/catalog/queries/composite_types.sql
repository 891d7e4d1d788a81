-- One row per stand-alone composite type (CREATE TYPE ... AS (...)), as columns matching
-- model::CompositeType, with its attributes in attnum order. Row types of tables, views
-- and other relations are not listed: their relation's relkind is not 'c'.
select
  n.nspname as "schema",
  t.typname as "name",
  (
    select coalesce(json_agg(json_build_object(
      'name', a.attname,
      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'collation', case when a.attcollation <> at.typcollation then
          @qname(cn.nspname, co.collname) end,
      'comment', @column_comment(c.oid, a.attnum),
      -- Types below FirstNormalObjectId (16384) come with the server and have no key.
      'type_key', case when a.atttypid >= 16384 then @user_type_key(a.atttypid) end
    ) order by a.attnum), '[]')
    from pg_catalog.pg_attribute a
    join pg_catalog.pg_type at on at.oid = a.atttypid
    left join pg_catalog.pg_collation co on co.oid = a.attcollation
    left join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as "attributes",
  pg_catalog.pg_get_userbyid(t.typowner) as "owner",
  @comment(t.oid, pg_type) as "comment",
  @acl(t.typacl, 'T', t.typowner) as "acl",
  -- Membership is recorded on the type, not on its pg_class entry.
  @extension_of(pg_catalog.pg_type, t.oid) as "extension"
from pg_catalog.pg_type t
join pg_catalog.pg_class c on c.oid = t.typrelid
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'c' and c.relkind = 'c' and @schema_filter(n.nspname)
