alter table "public"."t" alter column "a" set data type text collate "public"."c1" using "a"::text;

alter table "public"."t" alter column "b" set data type text using "b"::text;

comment on collation "public"."c1" is 'Swedish';

