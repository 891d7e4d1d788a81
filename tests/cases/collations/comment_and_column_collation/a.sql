create collation c1 (provider = icu, locale = 'sv');
create table t (a text, b text collate c1);
