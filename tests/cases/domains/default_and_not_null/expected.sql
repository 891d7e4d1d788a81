alter domain "public"."note" set default 'n/a'::text;

alter domain "public"."note" drop not null;

alter domain "public"."qty" drop default;

alter domain "public"."qty" set not null;

