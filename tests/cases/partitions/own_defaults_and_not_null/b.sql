create table p (id int, v text default 'p', w int) partition by list (id);
create table p_1 partition of p (v default 'own', w not null) for values in (1);
create table p_2 partition of p for values in (2);
alter table p_2 alter column v drop default;
create table p_3 partition of p (v default 'three', id not null) for values in (3);
create table q (id int, v text default 'q');
create table c (extra int) inherits (q);
alter table c alter column v set default 'child';
alter table c alter column id set not null;
