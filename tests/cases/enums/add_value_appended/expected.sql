alter type "public"."status" add value 'closed';

