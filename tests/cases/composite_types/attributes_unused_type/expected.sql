alter type "public"."point3" drop attribute "w";

alter type "public"."point3" alter attribute "x" set data type bigint;

alter type "public"."point3" add attribute "label" text collate "pg_catalog"."C";

