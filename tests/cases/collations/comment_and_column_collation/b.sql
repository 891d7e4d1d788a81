create collation c1 (provider = icu, locale = 'sv');
comment on collation c1 is 'Swedish';
create table t (a text collate c1, b text);
