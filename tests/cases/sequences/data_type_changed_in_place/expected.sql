alter sequence "public"."s" as integer maxvalue 2147483647;

alter sequence "public"."t" as smallint maxvalue 32767;

