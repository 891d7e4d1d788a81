-- One row per domain, as columns matching model::Domain, with its CHECK constraints by name.
select
  n.nspname as "schema",
  t.typname as "name",
  pg_catalog.format_type(t.typbasetype, t.typtypmod) as "base_type",
  -- Deparsed now rather than typdefault, which is frozen at creation time: it keeps the
  -- search_path of that moment and goes stale when referenced objects are renamed.
  pg_catalog.pg_get_expr(t.typdefaultbin, 0) as "default_",
  t.typnotnull as "not_null",
  (
    select @qname(cn.nspname, co.collname)
    from pg_catalog.pg_type bt, pg_catalog.pg_collation co
    join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
    where bt.oid = t.typbasetype and co.oid = t.typcollation
      and t.typcollation <> bt.typcollation) as "collation",
  (
    select coalesce(json_agg(json_build_object(
      'name', c.conname,
      'definition', pg_catalog.pg_get_constraintdef(c.oid),
      'validated', c.convalidated,
      'comment', @comment(c.oid, pg_constraint),
      -- Functions and types its check uses, but not the domain itself.
      'depends_on', (
        select coalesce(json_agg(k.key order by k.key), '[]')
        from (select distinct @object_key(d.refclassid, d.refobjid) collate "C" as key
              from pg_catalog.pg_depend d
              where d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass
                and d.objid = c.oid and d.deptype = 'n'
                and not (d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
                         and d.refobjid = t.oid)
                and d.refclassid in ('pg_catalog.pg_type'::pg_catalog.regclass,
                                     'pg_catalog.pg_proc'::pg_catalog.regclass)) k
        where k.key is not null)
    ) order by c.conname), '[]')
    from pg_catalog.pg_constraint c
    -- Newer servers also list NOT NULL here (contype 'n'); the model keeps it in not_null.
    where c.contypid = t.oid and c.contype = 'c') as "constraints",
  pg_catalog.pg_get_userbyid(t.typowner) as "owner",
  @comment(t.oid, pg_type) as "comment",
  @acl(t.typacl, 'T', t.typowner) as "acl",
  @extension_of(pg_catalog.pg_type, t.oid) as "extension",
  @user_type_key(t.typbasetype) as "base_type_key",
  -- The type's number: stored expressions name it by number.
  t.oid as "oid",
  t.typarray as "array_oid"
from pg_catalog.pg_type t
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where t.typtype = 'd' and @schema_filter(n.nspname)
