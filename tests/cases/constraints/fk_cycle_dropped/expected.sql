alter table "public"."a" drop constraint "a_b_fk";

alter table "public"."b" drop constraint "b_a_id_fkey";

drop table "public"."a";

drop table "public"."b";

