create type intr;
create function intr_canonical(intr) returns intr language internal immutable strict as 'int4range_canonical';
comment on function intr_canonical(intr) is 'canonical form';
create function int_diff(int4, int4) returns float8 language sql immutable strict as 'select ($1 - $2)::float8';
create type intr as range (subtype = int4, canonical = intr_canonical, subtype_diff = int_diff);
create type lost as range (subtype = int4);
create table t (id int, r intr default '[1,2]', l lost);
insert into t values (1, '[3,5]', '[1,2)');
alter table t add constraint converted check (id <> 1 or (r = '[3,6)' and l = '[1,2)'));
