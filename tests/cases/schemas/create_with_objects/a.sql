create table public.keep (id int);
