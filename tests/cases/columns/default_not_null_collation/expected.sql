alter table "public"."t" alter column "a" set default 2;

alter table "public"."t" alter column "b" drop not null;

alter table "public"."t" alter column "c" set default 'x'::text;

alter table "public"."t" alter column "c" set not null;

alter table "public"."t" alter column "d" set data type text using "d"::text;

alter table "public"."t" alter column "e" set default 0;

