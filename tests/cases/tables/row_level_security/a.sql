create table t (id int);
create table u (id int);
alter table u enable row level security;
alter table u force row level security;
