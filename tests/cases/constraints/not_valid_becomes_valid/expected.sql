alter table "public"."c" validate constraint "c_p_fk";

alter table "public"."c" validate constraint "c_v";

