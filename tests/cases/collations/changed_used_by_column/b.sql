create collation folded (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
create collation plain (provider = libc, locale = 'POSIX');
create domain name_ci as text collate folded;
create table person (id int, name text collate folded, nick name_ci, tags text[] collate folded, other text collate plain);
insert into person values (1, 'Anna', 'a', '{x}', 'o');
create index person_name on person (name);
create view named as select id, name from person where name = 'ANNA';
