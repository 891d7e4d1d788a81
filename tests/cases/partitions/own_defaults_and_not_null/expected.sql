create table "public"."c" (
    "extra" integer
) inherits ("public"."q");

create table "public"."p_3" partition of "public"."p" FOR VALUES IN (3);

alter table "public"."c" alter column "id" set not null;

alter table "public"."c" alter column "v" set default 'child'::text;

alter table "public"."p_1" alter column "v" set default 'own'::text;

alter table "public"."p_1" alter column "w" set not null;

alter table "public"."p_2" alter column "v" drop default;

alter table "public"."p_3" alter column "id" set not null;

alter table "public"."p_3" alter column "v" set default 'three'::text;

