create type level as enum ('low', 'mid', 'high', 'extreme');
create type levelrange as range (subtype = level);
create domain level_list as level[] check (cardinality(value) < 5);
create type reading as (lvl level, lst level_list, note text);
create table measurement (id int, taken date, lvl level default 'low', r levelrange, rd reading) partition by range (taken);
create table measurement_2024 partition of measurement for values from ('2024-01-01') to ('2025-01-01');
insert into measurement values (1, '2024-05-01', 'high', '[low,high)', row('mid', '{low,mid}', 'x'));
create function worst(reading) returns level language sql immutable as $$ select ($1).lvl $$;
