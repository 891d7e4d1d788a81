alter table "public"."p" alter column "v" set default 'b'::text;

alter table "public"."p_1" alter column "v" set default 'own'::text;

alter table "public"."q" alter column "v" set default 'b'::text;

alter table "public"."c" alter column "v" set default 'child'::text;

