create table log (msg text, at timestamptz default now());
create procedure p(m text) language sql as $$ insert into log (msg) values (upper(m)) $$;
create procedure p2(m text, n int) language plpgsql as $$ begin insert into log (msg) values (m || n); end $$;
