-- is_code changes its result type: dropped and created again, its check with it.
create function is_code(text) returns integer language sql immutable as $$ select case when $1 ~ '^[A-Z]+$' then 1 else 0 end $$;
create domain code as text check (is_code(value) = 1);
-- small changes its base type while its check function is recreated.
create function is_small(int) returns integer language sql immutable as $$ select ($1 < 10)::int $$;
create domain small as bigint check (is_small(value::int) = 1);
-- even and its check are new; the function the old check used goes.
create function is_even_new(int) returns boolean language sql immutable as $$ select $1 % 2 = 0 $$;
create domain even as int check (is_even_new(value));
create function new_check(int) returns boolean language sql immutable as $$ select $1 > 0 $$;
create domain fresh as int check (new_check(value));
create table t (c code, s small, e even, f fresh);
insert into t values ('AB', 3, 4, 1);
