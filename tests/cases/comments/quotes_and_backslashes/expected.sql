comment on column "public"."t"."id" is E'dollar ''quoted'' \\ text';

comment on table "public"."t" is E'back\\slash and ''quote'' and 
newline';

