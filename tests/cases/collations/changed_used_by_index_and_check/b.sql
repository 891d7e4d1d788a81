create collation ci (provider = icu, locale = 'und-u-ks-level1', deterministic = false);
create table tag (id int, name text, label text collate ci);
create unique index tag_name_ci on tag (name collate ci);
alter table tag add constraint not_admin check ((name collate ci) <> 'ADMIN');
insert into tag values (1, 'x', 'y');
