alter default privileges for role "migra_alice" in schema "app" revoke grant option for select on tables from "migra_bob";

alter default privileges for role "migra_alice" revoke usage on types from "migra_bob";

alter default privileges for role "migra_alice" in schema "app" grant usage on sequences to "migra_bob";

alter default privileges for role "migra_alice" in schema "app" grant update on tables to "migra_bob";

