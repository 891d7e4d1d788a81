drop policy if exists "p" on "public"."t";

alter table "public"."t" alter column "n" set data type bigint using "n"::bigint;

alter table "public"."u" alter column "other" set data type bigint using "other"::bigint;

create policy "p" on "public"."t" as permissive for all to public using (((owner_name = CURRENT_USER) AND (n > 0)));

