set check_function_bodies = off;

CREATE OR REPLACE FUNCTION public.f(a integer, b integer DEFAULT 1)
 RETURNS integer
 LANGUAGE sql
AS $function$select a + b$function$
;

CREATE OR REPLACE FUNCTION public.g(a integer DEFAULT 0, b text DEFAULT 'other'::text)
 RETURNS integer
 LANGUAGE sql
AS $function$select a$function$
;

