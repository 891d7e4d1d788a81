alter table "public"."p" add constraint "p_ck" CHECK ((id >= 0)) not valid;

alter table "public"."p" validate constraint "p_ck";

alter table "public"."p" add constraint "p_fk" FOREIGN KEY (r_id) REFERENCES r(id);

