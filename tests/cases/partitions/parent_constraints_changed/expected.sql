alter table "public"."p" drop constraint "p_a";

alter table "public"."t" drop constraint "t_pkey";

alter table "public"."t" alter column "k" set not null;

alter table "public"."p" add constraint "p_a" CHECK ((a > 1)) not valid;

alter table "public"."p" validate constraint "p_a";

alter table "public"."t" add constraint "t_pkey" PRIMARY KEY (id, k);

