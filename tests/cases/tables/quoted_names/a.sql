create schema s;
create table s."Odd ""Name" ("Col" int, "select" text);
