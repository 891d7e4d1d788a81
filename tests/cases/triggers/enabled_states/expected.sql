alter table "public"."t" disable trigger "a";

alter table "public"."t" enable trigger "b";

alter table "public"."t" enable always trigger "c";

alter table "public"."t" enable replica trigger "d";

