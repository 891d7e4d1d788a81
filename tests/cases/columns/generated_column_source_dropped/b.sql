-- g keeps its values as a plain column, h is computed from another column, k goes: each
-- stops reading its source before the source is dropped.
create table t (
  g bigint,
  e int,
  h bigint generated always as (e::bigint + 1) stored
);
