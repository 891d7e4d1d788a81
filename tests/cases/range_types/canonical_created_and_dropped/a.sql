create type oddrange;
create function oddrange_canonical(oddrange) returns oddrange language internal immutable strict as 'int4range_canonical';
create type oddrange as range (subtype = int4, canonical = oddrange_canonical);
create table t (id int, r oddrange);
