alter sequence "public"."t_n_seq" owned by none;

alter table "public"."t" drop column "n";

