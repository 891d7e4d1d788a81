alter table "public"."t_1" drop column "extra";

alter table "public"."t_1" alter column "id" set not null;

alter table "public"."t_1" add constraint "t_v" CHECK ((v <> ''::text)) not valid;

alter table "public"."t_1" validate constraint "t_v";

alter table "public"."t" attach partition "public"."t_1" FOR VALUES FROM (0) TO (10);

