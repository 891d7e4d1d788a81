create collation utf8_c (provider = libc, locale = 'C.utf8');
create collation german_ci (provider = icu, locale = 'de-u-ks-level2', deterministic = false);
create collation numeric_icu (provider = icu, locale = 'en-u-kn-true');
comment on collation german_ci is 'case-insensitive German';
create table t (id int, a text collate utf8_c, b varchar(20) collate german_ci, c text collate numeric_icu);
create index t_b on t (b);
create unique index t_c on t (c collate "C");
