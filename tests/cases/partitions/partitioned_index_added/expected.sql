create table "public"."t_2" partition of "public"."t" FOR VALUES IN (2);

CREATE UNIQUE INDEX t_id ON public.t USING btree (id);

CREATE INDEX t_v ON public.t USING btree (v);

