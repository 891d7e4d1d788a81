alter view "public"."v" alter column "name" drop default;

alter view "public"."v" alter column "created" set default CURRENT_DATE;

