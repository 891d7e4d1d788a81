-- One row per function, procedure, aggregate and window function, as columns matching
-- model::Function. Functions that exist only as part of another object (range type
-- constructors, which carry an internal dependency on their type) are left out: they
-- come and go with that object.
select
  n.nspname as "schema",
  p.proname as "name",
  case p.prokind when 'f' then 'function' when 'p' then 'procedure'
            when 'a' then 'aggregate' when 'w' then 'window' end as "kind",
  pg_catalog.pg_get_function_identity_arguments(p.oid) as "identity_arguments",
  pg_catalog.pg_get_function_arguments(p.oid) as "arguments",
  case when p.prokind <> 'p' then pg_catalog.pg_get_function_result(p.oid) end as "result",
  l.lanname as "language",
  -- pg_get_functiondef refuses aggregates, so their CREATE AGGREGATE is assembled here.
  case when p.prokind <> 'a' then pg_catalog.pg_get_functiondef(p.oid) else (
    select 'CREATE AGGREGATE ' || @qname(n.nspname, p.proname) || '(' ||
      case when p.pronargs = 0 then '*' else pg_catalog.pg_get_function_arguments(p.oid) end ||
      ') (' || pg_catalog.array_to_string(array[
        'SFUNC = ' || fns.sfunc,
        'STYPE = ' || pg_catalog.format_type(ag.aggtranstype, null),
        case when ag.aggtransspace <> 0 then 'SSPACE = ' || ag.aggtransspace end,
        case when ag.aggfinalfn <> 0 then 'FINALFUNC = ' || fns.finalfunc end,
        case when ag.aggfinalextra then 'FINALFUNC_EXTRA' end,
        -- Only when it differs from the default of the aggregate's kind, like pg_dump.
        case when ag.aggfinalmodify <> case when ag.aggkind = 'n' then 'r' else 'w' end then
          'FINALFUNC_MODIFY = ' || case ag.aggfinalmodify when 'r' then 'READ_ONLY'
            when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
        case when ag.aggcombinefn <> 0 then 'COMBINEFUNC = ' || fns.combinefunc end,
        case when ag.aggserialfn <> 0 then 'SERIALFUNC = ' || fns.serialfunc end,
        case when ag.aggdeserialfn <> 0 then
          'DESERIALFUNC = ' || fns.deserialfunc end,
        case when ag.agginitval is not null then
          'INITCOND = ' || pg_catalog.quote_literal(ag.agginitval) end,
        case when ag.aggmtransfn <> 0 then 'MSFUNC = ' || fns.msfunc end,
        case when ag.aggminvtransfn <> 0 then
          'MINVFUNC = ' || fns.minvfunc end,
        case when ag.aggmtranstype <> 0 then
          'MSTYPE = ' || pg_catalog.format_type(ag.aggmtranstype, null) end,
        case when ag.aggmtransspace <> 0 then 'MSSPACE = ' || ag.aggmtransspace end,
        case when ag.aggmfinalfn <> 0 then
          'MFINALFUNC = ' || fns.mfinalfunc end,
        case when ag.aggmfinalextra then 'MFINALFUNC_EXTRA' end,
        case when ag.aggmfinalmodify <> case when ag.aggkind = 'n' then 'r' else 'w' end then
          'MFINALFUNC_MODIFY = ' || case ag.aggmfinalmodify when 'r' then 'READ_ONLY'
            when 's' then 'SHAREABLE' else 'READ_WRITE' end end,
        case when ag.aggminitval is not null then
          'MINITCOND = ' || pg_catalog.quote_literal(ag.aggminitval) end,
        case when ag.aggsortop <> 0 then
          'SORTOP = OPERATOR(' || pg_catalog.quote_ident(opn.nspname) || '.' || op.oprname || ')' end,
        case p.proparallel when 's' then 'PARALLEL = SAFE'
          when 'r' then 'PARALLEL = RESTRICTED' end,
        case when ag.aggkind = 'h' then 'HYPOTHETICAL' end
      ], ', ') || ')'
    from pg_catalog.pg_aggregate ag
    -- The support functions' names in one lookup: a join for each of them would take
    -- longer to plan (on every inspection, aggregates or not) than the query takes to run.
    cross join lateral (
      select
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggtransfn) as sfunc,
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggfinalfn) as finalfunc,
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggcombinefn) as combinefunc,
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggserialfn) as serialfunc,
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggdeserialfn) as deserialfunc,
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggmtransfn) as msfunc,
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggminvtransfn) as minvfunc,
        max(@qname(fn.nspname, f.proname)) filter (where f.oid = ag.aggmfinalfn) as mfinalfunc
      from pg_catalog.pg_proc f
      join pg_catalog.pg_namespace fn on fn.oid = f.pronamespace
      where f.oid in (ag.aggtransfn, ag.aggfinalfn, ag.aggcombinefn, ag.aggserialfn,
                      ag.aggdeserialfn, ag.aggmtransfn, ag.aggminvtransfn, ag.aggmfinalfn)) fns
    left join pg_catalog.pg_operator op on op.oid = ag.aggsortop
    left join pg_catalog.pg_namespace opn on opn.oid = op.oprnamespace
    where ag.aggfnoid = p.oid) end as "definition",
  case p.provolatile when 'i' then 'immutable' when 's' then 'stable'
                  else 'volatile' end as "volatility",
  p.proisstrict as "strict",
  p.prosecdef as "security_definer",
  p.proleakproof as "leakproof",
  case p.proparallel when 's' then 'safe' when 'r' then 'restricted' else 'unsafe' end
    as "parallel",
  p.procost as "cost",
  p.prorows as "rows",
  coalesce(pg_catalog.to_json(p.proconfig), '[]') as "config",
  -- pg_depend holds the signature's types, an aggregate's support functions and what a
  -- SQL-standard body references; sorted by bytes whatever the database's collation.
  (
    select coalesce(json_agg(distinct r.key collate "C" order by r.key collate "C"), '[]')
    from pg_catalog.pg_depend d
    cross join lateral (
      select @qname(rn.nspname, rc.relname) as key
      from pg_catalog.pg_class rc
      join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace
      where d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass and rc.oid = d.refobjid
        and rn.nspname not in ('pg_catalog', 'information_schema')
      union all
      select @qname(dn.nspname, dp.proname) || '(' ||
             pg_catalog.pg_get_function_identity_arguments(dp.oid) || ')'
      from pg_catalog.pg_proc dp
      join pg_catalog.pg_namespace dn on dn.oid = dp.pronamespace
      where d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass and dp.oid = d.refobjid
        and dp.oid <> p.oid and dn.nspname not in ('pg_catalog', 'information_schema')
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
    where d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and d.objid = p.oid
      and d.deptype = 'n') as "depends_on",
  pg_catalog.pg_get_userbyid(p.proowner) as "owner",
  @comment(p.oid, pg_proc) as "comment",
  @acl(p.proacl, 'f', p.proowner) as "acl",
  @extension_of(pg_catalog.pg_proc, p.oid) as "extension"
from pg_catalog.pg_proc p
join pg_catalog.pg_namespace n on n.oid = p.pronamespace
join pg_catalog.pg_language l on l.oid = p.prolang
where @schema_filter(n.nspname)
  and not exists (
    select from pg_catalog.pg_depend i
    where i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass and i.objid = p.oid
      and i.deptype = 'i')
