alter table "public"."p" alter column "v" set default 'b'::text;

alter table "public"."p" alter column "w" drop not null;

alter table "public"."q" alter column "v" drop default;

alter table "public"."q" alter column "w" set not null;

