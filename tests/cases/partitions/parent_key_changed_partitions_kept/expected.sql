alter table "public"."t" detach partition "public"."t_1";

drop table "public"."t";

create table "public"."t" (
    "id" integer not null,
    "d" date
) partition by LIST (id);

alter table "public"."t" attach partition "public"."t_1" FOR VALUES IN (1, 2, 3);

CREATE INDEX t_d ON public.t USING btree (d);

alter table "public"."t" add constraint "t_pkey" PRIMARY KEY (id);

