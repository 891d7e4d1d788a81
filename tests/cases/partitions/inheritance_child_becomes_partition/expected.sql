alter table "public"."c" no inherit "public"."p";

drop table "public"."p";

create table "public"."p" (
    "id" integer,
    "v" text
) partition by LIST (id);

alter table "public"."p" attach partition "public"."c" FOR VALUES IN (1);

