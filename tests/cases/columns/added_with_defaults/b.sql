create table t (a int, b uuid default gen_random_uuid(), c timestamptz default now(), d int not null default 0);
