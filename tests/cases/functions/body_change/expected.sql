set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.f(a integer)
 RETURNS integer
 LANGUAGE sql
AS $function$select a + 2$function$
;

