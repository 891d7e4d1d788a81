alter table "public"."t" add column "name" text not null default 'x'::text;

