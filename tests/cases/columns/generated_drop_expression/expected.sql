alter table "public"."t" alter column "c" drop expression;

