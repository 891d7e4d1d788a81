alter type "public"."status" add value 'done';

