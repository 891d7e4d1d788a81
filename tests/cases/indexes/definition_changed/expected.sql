drop index if exists "public"."t_b";

CREATE INDEX t_b ON public.t USING btree (b DESC);

