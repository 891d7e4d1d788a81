drop trigger if exists "t_touch" on "public"."t";

alter table "public"."t" alter column "name" set data type bigint using "name"::bigint;

CREATE TRIGGER t_touch BEFORE UPDATE OF name ON public.t FOR EACH ROW WHEN ((new.name IS DISTINCT FROM old.name)) EXECUTE FUNCTION touch();

