create table p (id int, v bigint, g bigint generated always as (v * 3) stored, w text default 'x' not null) partition by list (id);
create table p_1 partition of p for values in (1);
