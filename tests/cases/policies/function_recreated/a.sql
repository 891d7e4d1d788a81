create function allowed(n int) returns boolean language sql stable as 'select n > 0';
create table t (id int primary key, n int);
alter table t enable row level security;
create policy p on t using (allowed(n));
