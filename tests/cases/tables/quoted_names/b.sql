create schema s;
create table s."Odd ""Name" ("Col" bigint, "select" text not null, "New Col" int);
