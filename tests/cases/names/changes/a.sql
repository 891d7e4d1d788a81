create schema "Sch ""1"" ;";
create type "Sch ""1"" ;"."Add 'labels'" as enum ('it''s', 'z;');
create type "Sch ""1"" ;"."Drop ""labels""" as enum ('keep ''me''', 'drop; me', 'back\slash');
create domain "Sch ""1"" ;"."Dom; x" as text constraint "C 'one'" check (value <> 'a''b');
create type "Sch ""1"" ;"."Comp ""c""" as ("A b" int);
create collation "Sch ""1"" ;"."Coll ""c""" (provider = icu, locale = 'fr');
create table "Sch ""1"" ;"."T; 1" (
  "Add" "Sch ""1"" ;"."Add 'labels'" default 'z;',
  "Drop" "Sch ""1"" ;"."Drop ""labels""" default 'keep ''me''',
  "D" "Sch ""1"" ;"."Dom; x",
  "C" "Sch ""1"" ;"."Comp ""c""",
  "Coll" text collate "Sch ""1"" ;"."Coll ""c"""
);
insert into "Sch ""1"" ;"."T; 1" values ('it''s', 'back\slash', 'x', row(1), 'y');
comment on table "Sch ""1"" ;"."T; 1" is 'old ''comment''';
create type "Sch ""1"" ;"."R ""1"" ;" as range (subtype = int4, multirange_type_name = "Sch ""1"" ;"."Multi 'm' ;");
create type "Sch ""1"" ;"."Re ""ord""" as ("B; 'b'" text, "A ""a""" text);
create domain "Sch ""1"" ;"."Dom ""base""" as int;
create table "Sch ""1"" ;"."T; 2" ("r;" "Sch ""1"" ;"."R ""1"" ;", "m;" "Sch ""1"" ;"."Multi 'm' ;", "o" "Sch ""1"" ;"."Re ""ord""", "d" "Sch ""1"" ;"."Dom ""base""");
insert into "Sch ""1"" ;"."T; 2" values ('[1,2)', '{[1,2)}', row('b', 'a'), 7);
