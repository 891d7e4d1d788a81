create function float_diff(float8, float8) returns float8 language sql immutable strict as 'select $1 - $2';
create type floatrange as range (subtype = float8, subtype_diff = float_diff);
create type textrange_c as range (subtype = text, collation = "C", multirange_type_name = text_multi_c);
create schema other;
create type span as range (subtype = numeric, multirange_type_name = other.spans);
comment on type floatrange is 'ranges of floats';
create table t (id int, f floatrange default '[1,2)', tc textrange_c, s other.spans, fs floatrange[]);
create index t_f on t using gist (f);
