-- One row per column of every table (plain, partitioned, partition, inheritance child),
-- as plain columns matching model::Column, plus the table's schema and name and the
-- column's position (attnum): the inspector attaches them to the tables query's rows and
-- orders them. Set-based: the columns of all selected tables are read in one join;
-- defaults, comments and what defaults reference are joined, not looked up per column.
-- What only some columns have (an own collation, privileges, a user-defined type) keeps
-- a lookup, guarded so that it runs only for them; an identity column's options are its
-- sequence's, which the inspector has read. Not sorted here: sorting
-- thousands of wide rows by name costs more than the client's grouping.
select n.nspname as "schema", r.relname as "table", a.attnum as "position", col.*
from pg_catalog.pg_class r
join pg_catalog.pg_namespace n on n.oid = r.relnamespace
join pg_catalog.pg_attribute a on a.attrelid = r.oid
join pg_catalog.pg_type t on t.oid = a.atttypid
left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
left join pg_catalog.pg_description cd on cd.objoid = a.attrelid
  and cd.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass and cd.objsubid = a.attnum
-- What defaults (and generation expressions) reference, as sorted model keys: gathered
-- once for all of them (few reference anything), not looked up per column.
left join @dependency_keys(
  d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass) deps on deps.objid = ad.oid
-- One plain column per field: no JSON per row.
cross join lateral (select
    a.attname as "name",
    pg_catalog.format_type(a.atttypid, a.atttypmod) as "type",
    a.attnotnull as "not_null",
    -- A default cannot reference columns, so it needs no relation context (setting
    -- one up opens the table: most of the cost of deparsing a default).
    case when a.attgenerated = '' then pg_catalog.pg_get_expr(ad.adbin, 0) end as "default_",
    case when a.attcollation <> t.typcollation then (
      select @qname(cn.nspname, co.collname) from pg_catalog.pg_collation co
      join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
      where co.oid = a.attcollation) end as "collation",
    case a.attidentity when 'a' then 'always' when 'd' then 'by default' else '' end
        as "identity",
    case when a.attgenerated = 's' then pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) end
        as "generated",
    not a.attislocal as "inherited",
    cd.description as "comment",
    case when a.attacl is null then '[]'::json else @acl(a.attacl, 'c', r.relowner) end
        as "acl",
    -- Types below FirstNormalObjectId (16384) come with the server and have no key.
    case when a.atttypid >= 16384 then @user_type_key(a.atttypid) end as "type_key",
    coalesce(deps.keys, '[]') as "depends_on"
  ) col
where a.attnum > 0 and not a.attisdropped
  and r.relkind in ('r', 'p') and @schema_filter(n.nspname)
