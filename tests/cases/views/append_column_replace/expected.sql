create or replace view "public"."base" as  SELECT t.id,
    t.name,
    t.price
   FROM t;

