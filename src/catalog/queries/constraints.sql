-- One row per table constraint (primary key, unique, check, foreign key, exclusion), as
-- JSON matching model::Constraint. Domain constraints (conrelid = 0), constraint triggers
-- and, on newer servers, not-null constraints are left to their own kinds.
select json_build_object(
  'schema', n.nspname,
  'table', c.relname,
  'name', con.conname,
  'type', case con.contype when 'p' then 'primary key' when 'u' then 'unique'
            when 'c' then 'check' when 'f' then 'foreign key' when 'x' then 'exclusion' end,
  'definition', pg_catalog.pg_get_constraintdef(con.oid),
  'deferrable', con.condeferrable,
  'deferred', con.condeferred,
  'validated', con.convalidated,
  -- Clones on partitions are created by partitioning, even when merged with a local one.
  'inherited', not con.conislocal or con.conparentid <> 0,
  'index', case when con.contype in ('p', 'u', 'x') then (
    select ic.relname from pg_catalog.pg_class ic where ic.oid = con.conindid) end,
  'references', case when con.contype = 'f' then (
    select @qname(rn.nspname, rc.relname)
    from pg_catalog.pg_class rc
    join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
    where rc.oid = con.confrelid) end,
  'columns', (
    -- Expression columns of exclusion constraints have attnum 0: they read as "".
    select coalesce(json_agg(coalesce(a.attname, '') order by k.ord), '[]')
    from unnest(con.conkey) with ordinality k(attnum, ord)
    left join pg_catalog.pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum),
  -- Types, functions and collations its expressions use (constants, casts, calls, COLLATE):
  -- when one of them is recreated, this goes with it.
  'depends_on', (
    select coalesce(json_agg(k.key order by k.key), '[]')
    from (select distinct @object_key(d.refclassid, d.refobjid) collate "C" as key
          from pg_catalog.pg_depend d
          where d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass and d.objid = con.oid
            and d.deptype = 'n'
            and d.refclassid in ('pg_catalog.pg_type'::pg_catalog.regclass,
                                 'pg_catalog.pg_proc'::pg_catalog.regclass,
                                 'pg_catalog.pg_collation'::pg_catalog.regclass)) k
    where k.key is not null),
  'comment', @comment(con.oid, pg_constraint)
)
from pg_catalog.pg_constraint con
join pg_catalog.pg_class c on c.oid = con.conrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where con.contype in ('p', 'u', 'c', 'f', 'x')
  and c.relkind in ('r', 'p')
  -- A foreign key to a partitioned table gets one internal copy per referenced partition,
  -- on the same referencing table; PostgreSQL manages those, so they are not objects here.
  and not exists (
    select from pg_catalog.pg_constraint pcon
    where pcon.oid = con.conparentid and pcon.conrelid = con.conrelid)
  and @schema_filter(n.nspname)
