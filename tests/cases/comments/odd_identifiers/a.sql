create schema "Odd ""Schema""";
create table "Odd ""Schema"""."My ""T""" ("Col One" int primary key, "x""y" text);
create index "Idx ""i""" on "Odd ""Schema"""."My ""T""" ("x""y");
create view "Odd ""Schema"""."V w" as select "Col One", "x""y" from "Odd ""Schema"""."My ""T""";
create function "Odd ""Schema""".tf() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger "Trg ""1""" before insert on "Odd ""Schema"""."My ""T""" for each row execute function "Odd ""Schema""".tf();
alter table "Odd ""Schema"""."My ""T""" enable row level security;
create policy "Pol ""p""" on "Odd ""Schema"""."My ""T""" using (true);
