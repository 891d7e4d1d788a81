set check_function_bodies = off;

drop aggregate if exists "public"."gone"(integer);

CREATE AGGREGATE "public"."fresh"(integer) (SFUNC = "public"."add_it", STYPE = integer, INITCOND = '1')
;

CREATE OR REPLACE AGGREGATE "public"."total"(integer) (SFUNC = "public"."add_it", STYPE = integer, INITCOND = '10')
;

