revoke grant option for select ("a") on table "public"."t" from "migra_alice";

revoke update ("a") on table "public"."t" from "migra_alice";

revoke select ("b") on table "public"."t" from "migra_alice";

grant insert ("b") on table "public"."t" to "migra_bob" with grant option;

