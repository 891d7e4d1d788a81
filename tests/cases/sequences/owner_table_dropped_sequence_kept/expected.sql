alter sequence "public"."s" owned by none;

drop table "public"."t";

