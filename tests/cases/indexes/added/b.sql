create table t (a int, b text);
create index t_b_lower on t (lower(b)) where a > 0;
create unique index t_a on t (a) include (b);
create index t_hash on t using hash (b);
comment on index t_a is 'index ''a''';
