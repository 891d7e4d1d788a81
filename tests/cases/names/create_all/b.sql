-- Names and string literals that would break a migration if they were not quoted and
-- escaped: upper case, spaces, quotes, semicolons, keywords, backslashes, unicode.
create schema "My Schema; drop table x; --";
create schema "select";
create schema "Ünï ✓";
create type "My Schema; drop table x; --"."Enum ""quoted"" 'single'" as enum (
  'it''s', 'back\slash', 'semi;colon', '"dq"', 'Ünïcødé ✓', 'select', 'UPPER', ' ');
create domain "select"."order" as text collate "C" default 'it''s \ default'
  constraint "check; it's" check (value <> 'x'';drop table y;--');
create type "select"."user" as ("Attr ""1""" int, "from" text, "back\slash" text);
create type "select"."range ""r"" ;" as range (subtype = int4, multirange_type_name = "select"."Multi 'r'");
create collation "select"."Coll 'x'" (provider = icu, locale = 'de');
create sequence "Ünï ✓"."seq ""s"" ;";
create table "My Schema; drop table x; --"."Table ""T"" 'x'" (
  "Id" int primary key,
  "col;umn" "My Schema; drop table x; --"."Enum ""quoted"" 'single'" default 'it''s',
  "order" "select"."order",
  "user" "select"."user",
  "back\slash" text default E'a\\b''c;',
  "ünï ✓" text collate "select"."Coll 'x'",
  "r" "select"."range ""r"" ;",
  "select" int default nextval('"Ünï ✓"."seq ""s"" ;"'),
  constraint "chk ""q"" ;" check ("order" <> 'a;b' and "col;umn" <> 'semi;colon')
);
create index "Idx ""i"" ;" on "My Schema; drop table x; --"."Table ""T"" 'x'" ("order", "back\slash");
create unique index "UPPER" on "My Schema; drop table x; --"."Table ""T"" 'x'" ("select") where "col;umn" = 'back\slash';
create view "select"."View 'v' ;" as
  select "Id", "order", 'semi;colon'::text as "lit ""x""" from "My Schema; drop table x; --"."Table ""T"" 'x'";
create function "select"."Func ""f""; x"("Arg 'a'" "select"."order") returns text
  language sql immutable as $$ select 'it''s; \' || "Arg 'a'" $$;
comment on schema "select" is 'it''s a schema; drop table x; --';
comment on schema "Ünï ✓" is 'ünïcødé ✓';
comment on table "My Schema; drop table x; --"."Table ""T"" 'x'" is E'back\\slash \\'' quote';
comment on column "My Schema; drop table x; --"."Table ""T"" 'x'"."col;umn" is '"dq" ;';
comment on type "My Schema; drop table x; --"."Enum ""quoted"" 'single'" is '$$ dollar $$';
comment on index "My Schema; drop table x; --"."Idx ""i"" ;" is 'idx; --';
comment on constraint "chk ""q"" ;" on "My Schema; drop table x; --"."Table ""T"" 'x'" is 'chk ''x''';
comment on view "select"."View 'v' ;" is 'view';
comment on function "select"."Func ""f""; x"("select"."order") is E'line1\nline2';
comment on domain "select"."order" is 'domain ''order''';
comment on constraint "check; it's" on domain "select"."order" is 'check \ it';
comment on collation "select"."Coll 'x'" is 'coll';
comment on type "select"."range ""r"" ;" is 'range';
comment on type "select"."user" is 'composite';
comment on column "select"."user"."Attr ""1""" is 'attr ''1''';
comment on sequence "Ünï ✓"."seq ""s"" ;" is 'seq';
