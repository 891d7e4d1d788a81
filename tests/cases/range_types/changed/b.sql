create function float_diff(float8, float8) returns float8 language sql immutable strict as 'select $1 - $2';
create type floatrange as range (subtype = float8, subtype_diff = float_diff, multirange_type_name = floatranges);
create type labels as range (subtype = text, collation = "POSIX");
create table t (id int, f floatrange default '[1,2)', fm floatranges, l labels, ls labels[]);
insert into t values (1, '[1.5,3)', '{[1,2),[5,6)}', '[a,b)', '{"[a,c)"}');
create index t_f on t using gist (f);
create view v as select id, f, upper(f) as hi from t;
create function widest(floatrange, floatrange) returns floatrange language sql immutable as 'select range_merge($1, $2)';
alter table t add constraint converted check (id <> 1 or (f = '[1.5,3)' and fm = '{[1,2),[5,6)}' and l = '[a,b)'));
