alter domain "public"."price" add constraint "positive" CHECK ((VALUE >= (0)::numeric)) not valid;

alter domain "public"."weight" validate constraint "positive";

