create table p (id int, v text default 'b') partition by list (id);
create table p_1 partition of p (v default 'own') for values in (1);
create table q (id int, v text default 'b');
create table c () inherits (q);
alter table c alter column v set default 'child';
