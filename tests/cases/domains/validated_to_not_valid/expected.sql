alter domain "public"."pct" drop constraint "range";

alter domain "public"."pct" add constraint "range" CHECK (((VALUE >= 0) AND (VALUE <= 100))) not valid;

comment on constraint "range" on domain "public"."pct" is 'not checked for old rows';

