alter table "public"."t" alter column "a" set data type bigint using "a"::bigint;

alter table "public"."t" alter column "b" set data type numeric using "b"::numeric;

alter table "public"."t" alter column "c" set data type character varying(20) using "c"::character varying(20);

alter table "public"."t" alter column "d" set data type text using "d"::text;

alter table "public"."t" alter column "e" set data type text using "e"::text;

alter table "public"."t" alter column "f" set data type numeric(12,2) using "f"::numeric(12,2);

alter table "public"."t" alter column "g" set data type integer using "g"::integer;

alter table "public"."t" alter column "h" set data type character varying using "h"::character varying;

