create sequence "public"."s_big" as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;

create sequence "public"."s_int" as integer increment by 1 minvalue 1 maxvalue 2147483647 start with 1 cache 1 no cycle;

create sequence "public"."s_small" as smallint increment by 2 minvalue 1 maxvalue 32767 start with 1 cache 1 no cycle;

