-- One row per view and materialized view, as columns matching model::View, with its output
-- columns in attnum order and the keys of what its rewrite rule references. Arrays sort
-- by bytes (collate "C"), the same whatever the database's collation. Comments and
-- extension membership are joined once for all views, not looked up per view.
with rel as (
  select c.oid, c.relname, c.relkind, c.reloptions, c.relispopulated, c.relowner,
         coalesce(c.relacl, pg_catalog.acldefault('r', c.relowner)) as acl, n.nspname
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('v', 'm') and @schema_filter(n.nspname)
),
-- Most views share one ACL (the default of one owner): explode each distinct ACL once.
acls as materialized (
  select u.acl, @acl(u.acl, 'r', 0) as grants
  from (select distinct r.acl from rel r) u
)
select
  c.nspname as "schema",
  c.relname as "name",
  c.relkind = 'm' as "materialized",
  pg_catalog.pg_get_viewdef(c.oid) as "definition",
  (
    select coalesce(json_agg(json_build_object(
      'name', a.attname,
      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
      'comment', @column_comment(c.oid, a.attnum),
      'default_', pg_catalog.pg_get_expr(ad.adbin, ad.adrelid),
      'acl', case when a.attacl is null then '[]'::json else @acl(a.attacl, 'c', c.relowner) end
    ) order by a.attnum), '[]')
    from pg_catalog.pg_attribute a
    left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
    where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as "columns",
  -- check_option is a reloption in the catalog but its own clause in CREATE VIEW.
  coalesce((
    select json_agg(o order by o collate "C") from unnest(c.reloptions) o
    where o not like 'check\_option=%'), '[]') as "options",
  (
    select pg_catalog.substr(o, pg_catalog.length('check_option=') + 1)
    from unnest(c.reloptions) o where o like 'check\_option=%') as "check_option",
  c.relispopulated as "populated",
  (
    select coalesce(json_agg(distinct r.key collate "C" order by r.key collate "C"), '[]')
    from pg_catalog.pg_rewrite rw
    join pg_catalog.pg_depend d
      on d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass and d.objid = rw.oid
    cross join lateral (
      select @qname(rn.nspname, rc.relname) as key
      from pg_catalog.pg_class rc
      join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
      where d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass and rc.oid = d.refobjid
        and rc.oid <> c.oid and rn.nspname not in ('pg_catalog', 'information_schema')
      union all
      select @qname(pn.nspname, p.proname) || '(' ||
             pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
      from pg_catalog.pg_proc p
      join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
      where d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass and p.oid = d.refobjid
        and pn.nspname not in ('pg_catalog', 'information_schema')
      union all
      -- An array type stands for its element type, the object a model knows.
      select @qname(tn.nspname, t.typname)
      from pg_catalog.pg_type rt
      join pg_catalog.pg_type t
        on t.oid = case when rt.typcategory = 'A' and rt.typelem <> 0 then rt.typelem else rt.oid end
      join pg_catalog.pg_namespace tn on tn.oid = t.typnamespace
      where d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass and rt.oid = d.refobjid
        and tn.nspname not in ('pg_catalog', 'information_schema')
    ) r
    where rw.ev_class = c.oid and rw.rulename = '_RETURN') as "depends_on",
  pg_catalog.pg_get_userbyid(c.relowner) as "owner",
  td.description as "comment",
  acls.grants as "acl",
  ext.extname as "extension"
from rel c
join acls on acls.acl = c.acl
left join pg_catalog.pg_description td on td.objoid = c.oid
  and td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass and td.objsubid = 0
left join @extension_members(pg_class) ext on ext.objid = c.oid
