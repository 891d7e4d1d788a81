create type evenrange;
create function evenrange_canonical(evenrange) returns evenrange language internal immutable strict as 'int4range_canonical';
create type evenrange as range (subtype = int4, canonical = evenrange_canonical);
create table t (id int, e evenrange default '[1,3]');
