create table t (
  c int,
  d int,
  g bigint generated always as (c::bigint * 2) stored,
  h bigint generated always as (d::bigint + 1) stored,
  k bigint generated always as (d::bigint + 2) stored
);
