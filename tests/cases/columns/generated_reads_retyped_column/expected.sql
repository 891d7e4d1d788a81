alter table "public"."t" drop column "g";

alter table "public"."t" drop column "k";

alter table "public"."t" alter column "v" set data type bigint using "v"::bigint;

alter table "public"."t" add column "g" integer generated always as ((v * 2)) stored;

alter table "public"."t" add column "k" integer generated always as ((v + "W x")) stored;

