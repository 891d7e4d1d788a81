create schema "Sch ""1"" ;";
create type "Sch ""1"" ;"."Add 'labels'" as enum ('" first', 'it''s', 'a\b', 'z;', 'last ''one''');
create type "Sch ""1"" ;"."Drop ""labels""" as enum ('keep ''me''', 'back\slash');
create domain "Sch ""1"" ;"."Dom; x" as text constraint "C 'one'" check (value <> 'a''b;') constraint "C ""two""" check (value <> E'\\');
create type "Sch ""1"" ;"."Comp ""c""" as ("A b" int, "New; ""attr""" text);
create collation "Sch ""1"" ;"."Coll ""c""" (provider = icu, locale = 'sv');
create table "Sch ""1"" ;"."T; 1" (
  "Add" "Sch ""1"" ;"."Add 'labels'" default 'z;',
  "Drop" "Sch ""1"" ;"."Drop ""labels""" default 'keep ''me''',
  "D" "Sch ""1"" ;"."Dom; x",
  "C" "Sch ""1"" ;"."Comp ""c""",
  "Coll" text collate "Sch ""1"" ;"."Coll ""c"""
);
insert into "Sch ""1"" ;"."T; 1" values ('it''s', 'back\slash', 'x', row(1, null), 'y');
comment on table "Sch ""1"" ;"."T; 1" is E'new \\ ''comment''';
create type "Sch ""1"" ;"."R ""1"" ;" as range (subtype = int8, multirange_type_name = "Sch ""1"" ;"."Multi 'm' ;");
create type "Sch ""1"" ;"."Re ""ord""" as ("A ""a""" text, "B; 'b'" text);
create domain "Sch ""1"" ;"."Dom ""base""" as bigint;
create table "Sch ""1"" ;"."T; 2" ("r;" "Sch ""1"" ;"."R ""1"" ;", "m;" "Sch ""1"" ;"."Multi 'm' ;", "o" "Sch ""1"" ;"."Re ""ord""", "d" "Sch ""1"" ;"."Dom ""base""");
insert into "Sch ""1"" ;"."T; 2" values ('[1,2)', '{[1,2)}', row('a', 'b'), 7);
alter table "Sch ""1"" ;"."T; 2" add constraint "converted ""x""" check (("o")."A ""a""" = 'a' and "r;" = '[1,2)' and "m;" = '{[1,2)}' and "d" = 7);
