-- One row per index on a table, partitioned table or materialized view, as JSON matching
-- model::Index.
select json_build_object(
  'schema', n.nspname,
  'table', c.relname,
  'name', ic.relname,
  'definition', pg_catalog.pg_get_indexdef(x.indexrelid),
  'unique', x.indisunique,
  'valid', x.indisvalid,
  'method', am.amname,
  'predicate', pg_catalog.pg_get_expr(x.indpred, x.indrelid),
  'columns', (
    -- Expression columns have attnum 0 and read as "".
    select coalesce(json_agg(coalesce(a.attname, '') order by k.ord), '[]')
    from unnest(x.indkey::pg_catalog.int2[]) with ordinality k(attnum, ord)
    left join pg_catalog.pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
    where k.ord <= x.indnkeyatts),
  'include', (
    select coalesce(json_agg(a.attname order by k.ord), '[]')
    from unnest(x.indkey::pg_catalog.int2[]) with ordinality k(attnum, ord)
    join pg_catalog.pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.attnum
    where k.ord > x.indnkeyatts),
  -- A foreign key's conindid names the referenced index too, hence the contype and conrelid.
  'constraint', (
    select con.conname from pg_catalog.pg_constraint con
    where con.conindid = x.indexrelid and con.conrelid = x.indrelid
      and con.contype in ('p', 'u', 'x')),
  'parent', (
    select @qname(pn.nspname, pc.relname)
    from pg_catalog.pg_inherits i
    join pg_catalog.pg_class pc on pc.oid = i.inhparent
    join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace
    where i.inhrelid = x.indexrelid),
  'comment', @comment(ic.oid, pg_class),
  -- Types, functions and collations its expressions use (constants, casts, calls, COLLATE):
  -- when one of them is recreated, this goes with it.
  'depends_on', (
    select coalesce(json_agg(k.key order by k.key), '[]')
    from (select distinct @object_key(d.refclassid, d.refobjid) collate "C" as key
          from pg_catalog.pg_depend d
          where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = ic.oid
            and d.deptype = 'n'
            and d.refclassid in ('pg_catalog.pg_type'::pg_catalog.regclass,
                                 'pg_catalog.pg_proc'::pg_catalog.regclass,
                                 'pg_catalog.pg_collation'::pg_catalog.regclass)) k
    where k.key is not null),
  -- An index on an extension's table is the extension's (pg_dump leaves both out alike);
  -- extension scripts record membership for the table, not for its indexes.
  'extension', coalesce(@extension_of(pg_catalog.pg_class, ic.oid),
                        @extension_of(pg_catalog.pg_class, c.oid))
)
from pg_catalog.pg_index x
join pg_catalog.pg_class ic on ic.oid = x.indexrelid
join pg_catalog.pg_class c on c.oid = x.indrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_am am on am.oid = ic.relam
where c.relkind in ('r', 'p', 'm') and @schema_filter(n.nspname)
