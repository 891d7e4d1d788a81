alter table "public"."t" set (fillfactor=80);

alter table "public"."t" reset (autovacuum_enabled);

alter table "public"."u" reset (fillfactor);

