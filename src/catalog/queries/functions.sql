-- Placeholder until this kind's query lands: no rows.
select null::jsonb where false
