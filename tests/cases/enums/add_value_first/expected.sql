alter type "public"."status" add value 'draft' before 'new';

