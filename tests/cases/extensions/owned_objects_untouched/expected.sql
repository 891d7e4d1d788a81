alter table "public"."t" add column "extra" integer;

drop extension if exists "citext";

