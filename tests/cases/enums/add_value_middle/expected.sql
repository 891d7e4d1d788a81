alter type "app"."status" add value 'triage' after 'new';

alter type "app"."status" add value 'blocked' after 'open';

alter type "app"."status" add value 'waiting' after 'blocked';

