alter table "public"."t" alter column "id" set increment by 10 set minvalue 50 set maxvalue 100000 set start with 100 set cache 5 set cycle restart;

