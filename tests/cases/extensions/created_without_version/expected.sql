create extension if not exists "citext" with schema "public";

alter table "public"."t" add column "c" citext;

