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

alter table "Sch ""1"" ;"."T; 1" alter column "Drop" drop default;

alter table "Sch ""1"" ;"."T; 1" alter column "Drop" set data type "Sch ""1"" ;"."Drop ""labels""" using "Drop"::text::"Sch ""1"" ;"."Drop ""labels""";

alter table "Sch ""1"" ;"."T; 1" alter column "Drop" set default 'keep ''me'''::"Sch ""1"" ;"."Drop ""labels""";

alter table "Sch ""1"" ;"."T; 1" alter column "Coll" set data type text collate "Sch ""1"" ;"."Coll ""c""" using "Coll"::text;

comment on table "Sch ""1"" ;"."T; 1" is E'new \\ ''comment''';

drop collation "Sch ""1"" ;"."Coll ""c""__old_version_to_be_dropped";

drop type "Sch ""1"" ;"."Drop ""labels""__old_version_to_be_dropped";

