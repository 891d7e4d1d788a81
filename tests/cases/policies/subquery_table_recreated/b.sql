create table u (id int primary key, grp int) partition by list (id);
create table t (id int primary key, grp int);
alter table t enable row level security;
create policy p on t using (grp in (select u.grp from u));
