create type address as (street text, "zip code" varchar(10) collate "C", tags text[]);
comment on type address is 'postal';
comment on column address."zip code" is 'postal code';
create type person as (name text, home address);
create table t (id int, who person, homes address[]);
create function t_home(t) returns address language sql stable as $$ select ($1.who).home $$;
