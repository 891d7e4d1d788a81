-- One row per index on a table, partitioned table or materialized view, as JSON matching
-- model::Index.
--
-- Written for speed on large catalogs: row_to_json names the fields once (json_build_object
-- would look up the type of every key and value on every row), lookups by oid are index
-- scans done only where they apply, and what few indexes have (parents, comments,
-- dependencies, extensions) is gathered once and joined.
with
-- Relations that belong to an extension: few, found from the extensions' side.
ext as (
  select extd.objid, exte.extname
  from pg_catalog.pg_extension exte
  join pg_catalog.pg_depend extd on extd.refobjid = exte.oid
  where extd.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    and extd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and extd.deptype = 'e'
)
select pg_catalog.row_to_json(r) from (
select
  n.nspname as "schema",
  c.relname as "table",
  ic.relname as "name",
  pg_catalog.pg_get_indexdef(x.indexrelid) as "definition",
  x.indisunique as "unique",
  x.indisvalid as "valid",
  am.amname as "method",
  pg_catalog.pg_get_expr(x.indpred, x.indrelid) as "predicate",
  -- Expression columns have attnum 0 and read as "".
  pg_catalog.array_to_json(array(
    select coalesce((select a.attname from pg_catalog.pg_attribute a
                     where a.attrelid = x.indrelid and a.attnum = k.attnum), '')
    from unnest(x.indkey::pg_catalog.int2[]) with ordinality k(attnum, ord)
    where k.ord <= x.indnkeyatts order by k.ord)) as "columns",
  case when x.indnatts > x.indnkeyatts then pg_catalog.array_to_json(array(
    select a.attname
    from unnest(x.indkey::pg_catalog.int2[]) with ordinality k(attnum, ord)
    join pg_catalog.pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
    where k.ord > x.indnkeyatts order by k.ord)) else '[]' end as "include",
  -- A foreign key's conindid names the referenced index too, hence the contype and
  -- conrelid; only unique and exclusion indexes can implement a constraint.
  case when x.indisunique or x.indisexclusion then (
    select con.conname from pg_catalog.pg_constraint con
    where con.conindid = x.indexrelid and con.conrelid = x.indrelid
      and con.contype in ('p', 'u', 'x')) end as "constraint",
  @qname(pn.nspname, pc.relname) as "parent",
  des.description as "comment",
  coalesce(deps.keys, '[]') as "depends_on",
  -- An index on an extension's table is the extension's (pg_dump leaves both out alike);
  -- extension scripts record membership for the table, not for its indexes.
  coalesce(ie.extname, te.extname) as "extension"
from pg_catalog.pg_index x
join pg_catalog.pg_class ic on ic.oid = x.indexrelid
join pg_catalog.pg_class c on c.oid = x.indrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_am am on am.oid = ic.relam
left join (pg_catalog.pg_inherits i
           join pg_catalog.pg_class pc on pc.oid = i.inhparent
           join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace)
  on i.inhrelid = x.indexrelid
left join pg_catalog.pg_description des
  on des.objoid = x.indexrelid and des.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
  and des.objsubid = 0
-- Types, functions and collations its expressions use (constants, casts, calls, COLLATE):
-- when one of them is recreated, this goes with it. Gathered for all relations at once
-- (objsubid 0 leaves out the tables' columns): few have any.
left join (
  select d.objid,
         json_agg(distinct d.key order by d.key) filter (where d.key is not null) as keys
  from (select d.objid, @object_key(d.refclassid, d.refobjid) collate "C" as key
        from pg_catalog.pg_depend d
        where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objsubid = 0
          and d.deptype = 'n'
          and d.refclassid in ('pg_catalog.pg_type'::pg_catalog.regclass,
                               'pg_catalog.pg_proc'::pg_catalog.regclass,
                               'pg_catalog.pg_collation'::pg_catalog.regclass)
        offset 0) d
  group by d.objid) deps on deps.objid = x.indexrelid
left join ext ie on ie.objid = x.indexrelid
left join ext te on te.objid = x.indrelid
where c.relkind in ('r', 'p', 'm') and @schema_filter(n.nspname)
) r
