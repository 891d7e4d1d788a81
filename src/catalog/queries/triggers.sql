-- One row per user-defined trigger on a table, partitioned table or view, as columns matching
-- model::Trigger. Internal triggers (foreign keys and the like) and the clones a trigger
-- on a partitioned table leaves on each partition are left out: they come with their owner.
select
  n.nspname as "schema",
  c.relname as "table",
  t.tgname as "name",
  pg_catalog.pg_get_triggerdef(t.oid) as "definition",
  case t.tgenabled when 'O' then 'origin' when 'D' then 'disabled'
               when 'R' then 'replica' when 'A' then 'always' end as "enabled",
  @qname(fn.nspname, f.proname) || '(' ||
              pg_catalog.pg_get_function_identity_arguments(f.oid) || ')' as "function",
  -- A column named in UPDATE OF or used in WHEN can't change type under the trigger.
  (
    select coalesce(json_agg(distinct a.attname collate "C" order by a.attname collate "C"), '[]')
    from pg_catalog.pg_depend d
    join pg_catalog.pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
    where d.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass and d.objid = t.oid
      and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
      and d.refobjid = t.tgrelid and d.refobjsubid > 0) as "columns",
  @comment(t.oid, pg_trigger) as "comment",
  -- A trigger cannot join an extension itself; one on an extension's table came with it.
  coalesce(@extension_of(pg_catalog.pg_trigger, t.oid),
                        @extension_of(pg_catalog.pg_class, c.oid)) as "extension"
from pg_catalog.pg_trigger t
join pg_catalog.pg_class c on c.oid = t.tgrelid
join pg_catalog.pg_namespace n on n.oid = c.relnamespace
join pg_catalog.pg_proc f on f.oid = t.tgfoid
join pg_catalog.pg_namespace fn on fn.oid = f.pronamespace
-- Before PostgreSQL 13 there is no tgparentid; the clones were marked tgisinternal then.
where not t.tgisinternal and @since(130000, t.tgparentid = 0, true)
  and c.relkind in ('r', 'p', 'v')
  and @schema_filter(n.nspname)
