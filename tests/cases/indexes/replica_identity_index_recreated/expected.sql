drop index if exists "public"."t_a";

CREATE UNIQUE INDEX t_a ON public.t USING btree (a, b);

alter table "public"."t" replica identity using index "t_a";

