create table t (v int, "W x" int, g int generated always as (v * 2) stored, h int generated always as ("W x" + 1) stored, k int generated always as (v + "W x") stored);
insert into t (v, "W x") values (1, 2);
