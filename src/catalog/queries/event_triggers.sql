-- One row per event trigger, as columns matching model::EventTrigger. Event triggers belong
-- to no schema: with no include list they are all read; with one, those whose function
-- lives in a schema that passes the filter. The table is not aliased "e" (nor "d"): the
-- subquery of @extension_of uses those names and would shadow it.
select
  et.evtname as "name",
  et.evtevent as "event",
  -- Sorted by bytes, whatever the database's collation.
  coalesce((select json_agg(g order by g collate "C") from unnest(et.evttags) g), '[]') as "tags",
  @qname(fn.nspname, f.proname) || '(' ||
              pg_catalog.pg_get_function_identity_arguments(f.oid) || ')' as "function",
  case et.evtenabled when 'O' then 'origin' when 'D' then 'disabled'
               when 'R' then 'replica' when 'A' then 'always' end as "enabled",
  pg_catalog.pg_get_userbyid(et.evtowner) as "owner",
  @comment(et.oid, pg_event_trigger) as "comment",
  @extension_of(pg_catalog.pg_event_trigger, et.oid) as "extension"
from pg_catalog.pg_event_trigger et
join pg_catalog.pg_proc f on f.oid = et.evtfoid
join pg_catalog.pg_namespace fn on fn.oid = f.pronamespace
where cardinality($1::text[]) = 0 or @schema_filter(fn.nspname)
