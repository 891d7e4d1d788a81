-- One row per index on a table, partitioned table or materialized view, as plain columns
-- matching model::Index; its definition, columns and include list come as the catalog
-- has them, for the inspector to finish (see "printed_definition").
--
-- Written for speed on large catalogs: plain columns rather than a JSON object per row
-- (building it is a good part of the cost), lookups by oid are index
-- scans done only where they apply, what few indexes have (parents, comments,
-- dependencies, extensions) is gathered once and joined, and most definitions are
-- composed by the inspector rather than printed by pg_get_indexdef. An inspection that
-- prints texts only where needed (deferred_texts.h) leaves those of indexes on plain
-- tables to tokens, and needs none of what composing them takes (@printing blocks).
with
-- Relations that belong to an extension: few, found from the extensions' side.
ext as (
  select extd.objid, exte.extname
  from pg_catalog.pg_extension exte
  join pg_catalog.pg_depend extd on extd.refobjid = exte.oid
  where extd.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
    and extd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and extd.deptype = 'e'
),
-- The selected indexes with their names and access method: only the columns used, as
-- every row is copied into the CTE (all of pg_index's would double its cost).
idx as (
  select x.indexrelid, x.indrelid, x.indnkeyatts, x.indisunique, x.indisvalid,
         x.indisexclusion, @since(150000, x.indnullsnotdistinct, false) as nulls_not_distinct,
         x.indkey, x.indclass, x.indcollation, x.indoption, x.indpred, x.indexprs,
         ic.relname as index_name, ic.relkind as index_kind, ic.reloptions,
         c.relname as table_name, c.relkind as table_kind, n.nspname, am.oid as am, am.amname
  from pg_catalog.pg_index x
  join pg_catalog.pg_class ic on ic.oid = x.indexrelid
  join pg_catalog.pg_class c on c.oid = x.indrelid
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  join pg_catalog.pg_am am on am.oid = ic.relam
  where c.relkind in ('r', 'p', 'm') and @schema_filter(n.nspname)
)@printing{,
-- Every key and INCLUDE column with what printing it needs; expressions have attnum 0
-- and no attribute.
cols as (
  select x.indexrelid, x.am, x.amname, k.ord, k.ord <= x.indnkeyatts as is_key, k.attnum,
         a.attname,
         x.indclass[k.ord - 1] as opclass, x.indcollation[k.ord - 1] as collation,
         x.indoption[k.ord - 1] as options, a.attcollation,
         case when t.typtype = 'd' then t.typbasetype else t.oid end as basetype
  from idx x
  cross join lateral unnest(x.indkey::pg_catalog.int2[]) with ordinality k(attnum, ord)
  -- Looked up by key (offset 0 keeps it a lookup): the planner, misjudging how many
  -- indexes there are, would otherwise hash the whole of pg_attribute.
  left join lateral (select a.attname, a.atttypid, a.attcollation
                     from pg_catalog.pg_attribute a
                     where a.attrelid = x.indrelid and a.attnum = k.attnum offset 0) a on true
  left join pg_catalog.pg_type t on t.oid = a.atttypid
),
-- The default operator class of each access method for each type indexed here, decided
-- as PostgreSQL decides whether a definition names the class: the default class for
-- exactly the (base) type, else the one default class the type is binary-coercible to,
-- a preferred type of its category breaking ties (text over bpchar for varchar). Where
-- that is not one class the definition is left to pg_get_indexdef.
defaults as (
  select p.am, p.basetype, coalesce(
    (select case when count(*) = 1 then pg_catalog.min(o.oid) end
     from pg_catalog.pg_opclass o
     where o.opcmethod = p.am and o.opcdefault and o.opcintype = p.basetype
     having count(*) > 0),
    (select case when count(*) filter (where m.preferred) = 1
                   then pg_catalog.min(m.oid) filter (where m.preferred)
                 when count(*) filter (where m.preferred) = 0 and count(*) = 1
                   then pg_catalog.min(m.oid) end
     from (select o.oid, ot.typispreferred and ot.typcategory = bt.typcategory as preferred
           from pg_catalog.pg_opclass o
           join pg_catalog.pg_type ot on ot.oid = o.opcintype
           where o.opcmethod = p.am and o.opcdefault and (
             -- The polymorphic types by name: some are newer than the oldest servers.
             pg_catalog.format_type(o.opcintype, null) in ('"any"', 'anyelement', 'anycompatible')
             or (pg_catalog.format_type(o.opcintype, null) in ('anyarray', 'anycompatiblearray')
                 and bt.is_array)
             or (pg_catalog.format_type(o.opcintype, null) in
                   ('anynonarray', 'anycompatiblenonarray') and not bt.is_array)
             or (o.opcintype = 'pg_catalog.anyenum'::pg_catalog.regtype and bt.typtype = 'e')
             or (pg_catalog.format_type(o.opcintype, null) in ('anyrange', 'anycompatiblerange')
                 and bt.typtype = 'r')
             or (pg_catalog.format_type(o.opcintype, null) in
                   ('anymultirange', 'anycompatiblemultirange') and bt.typtype = 'm')
             or (o.opcintype = 'pg_catalog.record'::pg_catalog.regtype and bt.typtype = 'c')
             or exists (select from pg_catalog.pg_cast ca
                        where ca.castsource = bt.oid and ca.casttarget = o.opcintype
                          and ca.castmethod = 'b' and ca.castcontext = 'i'))) m)
  ) as opclass
  from (select distinct c.am, c.basetype
        from cols c where c.is_key and c.basetype is not null) p
  join (select t.oid, t.typtype, t.typcategory,
               t.typelem <> 0 and @since(140000, t.typsubscript =
                 'pg_catalog.array_subscript_handler'::pg_catalog.regproc, t.typlen = -1)
                 as is_array
        from pg_catalog.pg_type t) bt on bt.oid = p.basetype
),
-- Per index: whether every column prints as its bare name (a user column, not an
-- expression or a system column; default class and collation; DESC / NULLS only for
-- btree, indoption bit 1 is DESC, bit 2 NULLS FIRST). A column whose type has no single
-- default class counts as not plain (coalesce: bool_and passes over nulls).
printed as (
  select c.indexrelid,
    bool_and(coalesce(c.attnum > 0 and c.attname is not null and (not c.is_key or (
      d.opclass = c.opclass and (c.collation = 0 or c.collation = c.attcollation)
      and (c.options = 0 or c.amname = 'btree'))), false)) as plain
  from cols c
  left join defaults d on d.am = c.am and d.basetype = c.basetype
  group by c.indexrelid
)}
select r.* from (
select
  x.nspname as "schema",
  x.table_name as "table",
  x.index_name as "name",
  -- Left out (null) when every column prints as its plain name and there are no storage
  -- or operator class options: the inspector composes the text from the columns it has
  -- read, byte for byte as pg_get_indexdef prints it (a test compares them). Printing it
  -- here looks up each column's default operator class and opens the table, the bulk of
  -- this query's time on a large catalog. Left out too for an index with expressions on a
  -- table: the inspector prints it only if needed (see deferred_texts.h), from the stored
  -- expressions and what else the text shows ("index_extra": classes and collations; the
  -- columns' types, which decide whether those are printed, it has read).
  case when k.composed or k.tokenable then null
    else pg_catalog.pg_get_indexdef(x.indexrelid) end as "printed_definition",
  k.composed as "composed",
  case when k.tokenable then x.indexprs end as "expressions_tree",
  case when k.tokenable then x.indclass::text || '|' || x.indcollation::text end
    as "index_extra",
  -- The columns by number (0 for an expression), keys first, and each key's DESC / NULLS
  -- FIRST bits: the inspector names them from the table's (or materialized view's)
  -- columns.
  x.indkey::pg_catalog.int2[] as "column_numbers",
  x.indnkeyatts as "key_count",
  x.indoption::pg_catalog.int2[] as "key_options",
  x.nulls_not_distinct as "nulls_not_distinct",
  x.indisunique as "unique",
  x.indisvalid as "valid",
  x.amname as "method",
  -- The predicate as stored: printing it opens the table. The inspector prints it only if
  -- needed (see deferred_texts.h).
  x.indpred as "predicate_tree",
  x.indexrelid as "oid",
  con.conname as "constraint",
  @qname(pn.nspname, pc.relname) as "parent",
  des.description as "comment",
  coalesce(deps.keys, '[]') as "depends_on",
  -- An index on an extension's table is the extension's (pg_dump leaves both out alike);
  -- extension scripts record membership for the table, not for its indexes.
  coalesce(ie.extname, te.extname) as "extension"
from idx x
@printing{join printed p on p.indexrelid = x.indexrelid}
cross join lateral (select
    x.indexrelid in (select ia.attrelid from pg_catalog.pg_attribute ia
                     where ia.attoptions is not null) as class_options) ao
cross join lateral (select
    x.index_kind = 'i' and x.reloptions is null and not ao.class_options as simple) si
-- Composed: every column plain (known only when every text is printed). Tokenable: a
-- token can stand for the text (not on a partitioned table, whose ON ONLY is changed in
-- the printed text): the text is left to one unless composed, and when it is composed
-- the inspector still makes the token, to know which token stands for which text.
cross join lateral (select
    @printing{p.plain}@deferring{false} and si.simple as composed,
    si.simple and x.table_kind = 'r' as tokenable) k
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
left join @dependency_keys(
  d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objsubid = 0
  and d.refclassid in ('pg_catalog.pg_type'::pg_catalog.regclass,
                      'pg_catalog.pg_proc'::pg_catalog.regclass,
                      'pg_catalog.pg_collation'::pg_catalog.regclass))
  deps on deps.objid = x.indexrelid
-- A foreign key's conindid names the referenced index too, hence the contype and
-- conrelid; only unique and exclusion indexes can implement a constraint. Joined, not
-- looked up per index: a lookup costs more than reading all constraints once.
left join pg_catalog.pg_constraint con
  on con.conindid = x.indexrelid and con.conrelid = x.indrelid
  and con.contype in ('p', 'u', 'x')
left join ext ie on ie.objid = x.indexrelid
left join ext te on te.objid = x.indrelid
) r
