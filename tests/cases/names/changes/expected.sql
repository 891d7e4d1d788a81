alter type "Sch ""1"" ;"."Add 'labels'" add value '" first' before 'it''s';

alter type "Sch ""1"" ;"."Add 'labels'" add value E'a\\b' after 'it''s';

alter type "Sch ""1"" ;"."Add 'labels'" add value 'last ''one''';

alter domain "Sch ""1"" ;"."Dom; x" drop constraint "C 'one'";

alter domain "Sch ""1"" ;"."Dom; x" add constraint "C ""two""" CHECK ((VALUE <> '\'::text));

alter domain "Sch ""1"" ;"."Dom; x" add constraint "C 'one'" CHECK ((VALUE <> 'a''b;'::text));

alter type "Sch ""1"" ;"."Comp ""c""" add attribute "New; ""attr""" text;

alter collation "Sch ""1"" ;"."Coll ""c""" rename to "Coll ""c""__old_version_to_be_dropped";

create collation "Sch ""1"" ;"."Coll ""c""" (provider = icu, locale = 'sv');

alter type "Sch ""1"" ;"."Drop ""labels""" rename to "Drop ""labels""__old_version_to_be_dropped";

create type "Sch ""1"" ;"."Drop ""labels""" as enum ('keep ''me''', E'back\\slash');

alter domain "Sch ""1"" ;"."Dom ""base""" rename to "Dom ""base""__old_version_to_be_dropped";

create domain "Sch ""1"" ;"."Dom ""base""" as bigint;

alter type "Sch ""1"" ;"."Re ""ord""" rename to "Re ""ord""__old_version_to_be_dropped";

create type "Sch ""1"" ;"."Re ""ord""" as (
    "A ""a""" text,
    "B; 'b'" text
);

alter type "Sch ""1"" ;"."R ""1"" ;" rename to "R ""1"" ;__old_version_to_be_dropped";

alter type "Sch ""1"" ;"."Multi 'm' ;" rename to "Multi 'm' ;__old_version_to_be_dropped";

alter function "Sch ""1"" ;"."R ""1"" ;"(integer, integer) rename to "R ""1"" ;__old_version_to_be_dropped";

alter function "Sch ""1"" ;"."R ""1"" ;"(integer, integer, text) rename to "R ""1"" ;__old_version_to_be_dropped";

alter function "Sch ""1"" ;"."Multi 'm' ;"() rename to "Multi 'm' ;__old_version_to_be_dropped";

alter function "Sch ""1"" ;"."Multi 'm' ;"("Sch ""1"" ;"."R ""1"" ;__old_version_to_be_dropped") rename to "Multi 'm' ;__old_version_to_be_dropped";

alter function "Sch ""1"" ;"."Multi 'm' ;"(variadic "Sch ""1"" ;"."R ""1"" ;__old_version_to_be_dropped"[]) rename to "Multi 'm' ;__old_version_to_be_dropped";

create type "Sch ""1"" ;"."R ""1"" ;" as range (subtype = bigint, multirange_type_name = "Sch ""1"" ;"."Multi 'm' ;");

alter table "Sch ""1"" ;"."T; 1" alter column "Drop" drop default;

alter table "Sch ""1"" ;"."T; 1" alter column "Drop" set data type "Sch ""1"" ;"."Drop ""labels""" using "Drop"::text::"Sch ""1"" ;"."Drop ""labels""";

alter table "Sch ""1"" ;"."T; 1" alter column "Drop" set default 'keep ''me'''::"Sch ""1"" ;"."Drop ""labels""";

alter table "Sch ""1"" ;"."T; 1" alter column "Coll" set data type text collate "Sch ""1"" ;"."Coll ""c""" using "Coll"::text;

alter table "Sch ""1"" ;"."T; 2" alter column "r;" set data type "Sch ""1"" ;"."R ""1"" ;" using "r;"::text::"Sch ""1"" ;"."R ""1"" ;";

alter table "Sch ""1"" ;"."T; 2" alter column "m;" set data type "Sch ""1"" ;"."Multi 'm' ;" using "m;"::text::"Sch ""1"" ;"."Multi 'm' ;";

alter table "Sch ""1"" ;"."T; 2" alter column "o" set data type "Sch ""1"" ;"."Re ""ord""" using case when ("o") is not distinct from null then null else row(("o")."A ""a"""::text, ("o")."B; 'b'"::text)::"Sch ""1"" ;"."Re ""ord""" end;

alter table "Sch ""1"" ;"."T; 2" alter column "d" set data type "Sch ""1"" ;"."Dom ""base""" using "d"::text::"Sch ""1"" ;"."Dom ""base""";

drop collation "Sch ""1"" ;"."Coll ""c""__old_version_to_be_dropped";

drop type "Sch ""1"" ;"."Drop ""labels""__old_version_to_be_dropped";

drop domain "Sch ""1"" ;"."Dom ""base""__old_version_to_be_dropped";

drop type "Sch ""1"" ;"."Re ""ord""__old_version_to_be_dropped";

drop type "Sch ""1"" ;"."R ""1"" ;__old_version_to_be_dropped";

alter table "Sch ""1"" ;"."T; 2" add constraint "converted ""x""" CHECK ((((o)."A ""a""" = 'a'::text) AND ("r;" = '[1,2)'::"Sch ""1"" ;"."R ""1"" ;") AND ("m;" = '{[1,2)}'::"Sch ""1"" ;"."Multi 'm' ;") AND ((d)::bigint = 7))) not valid;

alter table "Sch ""1"" ;"."T; 2" validate constraint "converted ""x""";

comment on table "Sch ""1"" ;"."T; 1" is E'new \\ ''comment''';

