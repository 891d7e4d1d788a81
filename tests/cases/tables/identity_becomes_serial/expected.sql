alter table "public"."t" alter column "id" drop identity;

create sequence "public"."t_id_seq" as integer increment by 1 minvalue 1 maxvalue 2147483647 start with 1 cache 1 no cycle;

alter table "public"."t" alter column "id" set default nextval('t_id_seq'::regclass);

alter sequence "public"."t_id_seq" owned by "public"."t"."id";

