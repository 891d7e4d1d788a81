alter policy "p_check" on "public"."t" with check (((owner_name = CURRENT_USER) OR secret));

alter policy "p_roles" on "public"."t" to "migra_alice", "migra_bob";

alter policy "p_using" on "public"."t" using (((owner_name = CURRENT_USER) AND (NOT secret))) with check (true);

