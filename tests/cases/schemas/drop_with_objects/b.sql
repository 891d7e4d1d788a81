create table public.keep (id int);
create table public.uses_legacy (id int);
