alter table "public"."t" detach partition "public"."t_1";

alter table "public"."t" detach partition "public"."t_d";

alter table "public"."t" attach partition "public"."t_1" FOR VALUES FROM (0) TO (20);

alter table "public"."t" attach partition "public"."t_d" FOR VALUES FROM (20) TO (30);

