drop index if exists "public"."t_c";

alter table "public"."t" drop column "c";

alter table "public"."t" add column "c" integer generated always as ((a * b)) stored;

CREATE INDEX t_c ON public.t USING btree (c);

