-- One row per range type, as columns matching model::RangeType. Options that CREATE TYPE
-- would pick by itself (default opclass, the subtype's collation) are left null.
select
  n.nspname as "schema",
  t.typname as "name",
  pg_catalog.format_type(r.rngsubtype, null) as "subtype",
  (
    select @qname(ocn.nspname, oc.opcname)
    from pg_catalog.pg_opclass oc
    join pg_catalog.pg_namespace ocn on ocn.oid = oc.opcnamespace
    where oc.oid = r.rngsubopc
      -- The default is the default btree opclass for the subtype (for a domain, its base
      -- type), or failing an exact one, a default opclass the subtype is coercible to.
      and not (oc.opcdefault and not exists (
        select from pg_catalog.pg_opclass other
        where other.opcmethod = oc.opcmethod and other.opcdefault and other.oid <> oc.oid
          and other.opcintype = (
            with recursive base(oid, basetype) as (
              select st.oid, st.typbasetype from pg_catalog.pg_type st where st.oid = r.rngsubtype
              union all
              select bt.oid, bt.typbasetype from pg_catalog.pg_type bt
              join base on bt.oid = base.basetype)
            select base.oid from base where base.basetype = 0)))) as "subtype_opclass",
  (
    select @qname(cn.nspname, co.collname)
    from pg_catalog.pg_type st, pg_catalog.pg_collation co
    join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
    where st.oid = r.rngsubtype and co.oid = r.rngcollation
      and r.rngcollation <> st.typcollation) as "collation",
  (
    select @qname(pn.nspname, p.proname) || '(' ||
           pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
    where p.oid = r.rngcanonical) as "canonical",
  (
    select @qname(pn.nspname, p.proname) || '(' ||
           pg_catalog.pg_get_function_identity_arguments(p.oid) || ')'
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace pn on pn.oid = p.pronamespace
    where p.oid = r.rngsubdiff) as "subtype_diff",
  -- Qualified: multirange_type_name may put the multirange in another schema. Multiranges
  -- arrived in PostgreSQL 14.
  @since(140000, (
    select @qname(mn.nspname, mt.typname)
    from pg_catalog.pg_type mt
    join pg_catalog.pg_namespace mn on mn.oid = mt.typnamespace
    where mt.oid = r.rngmultitypid), null::text) as "multirange",
  pg_catalog.pg_get_userbyid(t.typowner) as "owner",
  @comment(t.oid, pg_type) as "comment",
  @acl(t.typacl, 'T', t.typowner) as "acl",
  @extension_of(pg_catalog.pg_type, t.oid) as "extension",
  @user_type_key(r.rngsubtype) as "subtype_key"
from pg_catalog.pg_range r
join pg_catalog.pg_type t on t.oid = r.rngtypid
join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where @schema_filter(n.nspname)
