-- One row per table constraint (primary key, unique, check, foreign key, exclusion), as
-- plain columns matching model::Constraint. Domain constraints (conrelid = 0), constraint
-- triggers and, on newer servers, not-null constraints are left to their own kinds.
--
-- Written for speed on large catalogs: plain columns rather than a JSON object per row
-- (building it is a good part of the cost), lookups by oid are index scans done only
-- where they apply, and what few constraints have (dependencies, comments) is gathered
-- once and joined.
select r.* from (
select
  n.nspname as "schema",
  c.relname as "table",
  con.conname as "name",
  case con.contype when 'p' then 'primary key' when 'u' then 'unique'
    when 'c' then 'check' when 'f' then 'foreign key' when 'x' then 'exclusion' end as "type",
  -- Primary keys, unique constraints and foreign keys to tables whose columns are read
  -- here too are composed by the inspector, as pg_get_constraintdef prints them; it looks
  -- up each column's name. From PostgreSQL 18 they can be temporal (WITHOUT OVERLAPS,
  -- PERIOD), which the composed text does not know: there the server prints them all.
  -- A check constraint's expression comes as stored: printing it opens the table, most of
  -- what this query would cost. The inspector prints it only if needed (see
  -- deferred_texts.h).
  case when @since(180000, true, false)
         or not (con.contype in ('p', 'u', 'c')
                 or (con.contype = 'f' and @schema_filter(ref.nspname)))
    then pg_catalog.pg_get_constraintdef(con.oid) end as "printed_definition",
  case when con.contype = 'c' and @since(180000, false, true) then con.conbin end
    as "check_tree",
  con.connoinherit as "no_inherit",
  con.oid as "oid",
  con.condeferrable as "deferrable",
  con.condeferred as "deferred",
  con.convalidated as "validated",
  -- Clones on partitions are created by partitioning, even when merged with a local one.
  not con.conislocal or con.conparentid <> 0 as "inherited",
  -- A foreign key's referenced table ("references" is made of these), whether its name
  -- needs no schema on the inspector's search path, its columns by number, match type,
  -- actions (a, r, c, n, d) and the columns its ON DELETE sets.
  ref.nspname as "referenced_schema",
  ref.relname as "referenced_table",
  ref.visible as "referenced_visible",
  con.confkey as "referenced_numbers",
  con.confmatchtype as "match_type",
  con.confupdtype as "update_action",
  con.confdeltype as "delete_action",
  @since(150000, con.confdelsetcols, null::pg_catalog.int2[]) as "delete_set_numbers",
  -- Column numbers: the inspector names them from the columns it has read (expression
  -- columns of exclusion constraints have number 0), and sets "index" from the indexes.
  con.conkey as "column_numbers",
  coalesce(deps.keys, '[]') as "depends_on",
  des.description as "comment"
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
-- The referenced table, looked up by oid (other constraints have none: nothing found).
left join lateral (
  select rn.nspname, rc.relname, pg_catalog.pg_table_is_visible(rc.oid) as visible
  from pg_catalog.pg_class rc
  join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
  where con.contype = 'f' and rc.oid = con.confrelid) ref on true
left join pg_catalog.pg_description des
  on des.objoid = con.oid and des.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
  and des.objsubid = 0
-- Types, functions and collations its expressions use (constants, casts, calls, COLLATE):
-- when one of them is recreated, the constraint goes with it. Gathered for all
-- constraints at once: few constraints have any.
left join @dependency_keys(
  d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
  and d.refclassid in ('pg_catalog.pg_type'::pg_catalog.regclass,
                      'pg_catalog.pg_proc'::pg_catalog.regclass,
                      'pg_catalog.pg_collation'::pg_catalog.regclass))
  deps on deps.objid = con.oid
where con.contype in ('p', 'u', 'c', 'f', 'x')
  and c.relkind in ('r', 'p')
  -- A foreign key to a partitioned table gets one internal copy per referenced partition,
  -- on the same referencing table; PostgreSQL manages those, so they are not objects here.
  -- Only clones are looked up, which also keeps the planner's row estimate (and plan) sound.
  and (con.conparentid = 0 or not exists (
    select from pg_catalog.pg_constraint pcon
    where pcon.oid = con.conparentid and pcon.conrelid = con.conrelid))
  and @schema_filter(n.nspname)
) r
