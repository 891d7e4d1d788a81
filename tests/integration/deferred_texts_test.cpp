// Check constraints, index predicates and expression indexes are read as tokens when two
// live databases are diffed (see catalog/deferred_texts.h): the diff must come out as if
// every text had been printed, and no token may reach the output.
#include <gtest/gtest.h>

#include "support/round_trip.h"
#include "support/test_cluster.h"

namespace migra::test {
namespace {

constexpr char kMark = '\x1f';

// Objects of every deferred kind, and some that can't be compared without printing (an
// enum, whose oids differ between databases; a collation). The table comes in two column
// orders, numbering every column differently.
const std::string kItem = R"sql(
create type mood as enum ('sad', 'ok', 'happy');
create table item (
  id int primary key,
  gone int,
  qty numeric(12, 2) not null check (qty >= 0),
  name text collate "C" check (name <> ''),
  feeling mood check (feeling <> 'sad'),
  data jsonb,
  constraint qty_small check (qty < 1000000) no inherit
);
alter table item drop column gone;
)sql";
const std::string kItemReordered = R"sql(
create type mood as enum ('sad', 'ok', 'happy');
create table item (
  data jsonb,
  feeling mood check (feeling <> 'sad'),
  name text collate "C" check (name <> ''),
  qty numeric(12, 2) not null check (qty >= 0),
  id int primary key,
  constraint qty_small check (qty < 1000000) no inherit
);
)sql";
const std::string kRest = R"sql(
alter table item add constraint later check (id > 0) not valid;
create index item_partial on item (id) where qty > 10;
create index item_expr on item (lower(name), (data ->> 'k')) where feeling <> 'ok';
create index item_name_pattern on item (name text_pattern_ops, (id + 1));
create index item_mood on item (feeling) where feeling = 'happy';
create index item_plain on item (name, id desc nulls last);
create index item_collated on item (name collate "POSIX");
create table part (id int, at date check (at > '2020-01-01')) partition by range (at);
create index part_expr on part ((id * 2));
create materialized view item_view as select id, name from item;
create index item_view_expr on item_view (upper(name));
)sql";
const std::string kSchema = kItem + kRest;
const std::string kSchemaReordered = kItemReordered + kRest;

TEST(DeferredTexts, EqualSchemasWithColumnsNumberedDifferentlyDiffEmpty) {
  TestDatabase a;
  TestDatabase b;
  a.load(kSchema);
  b.load(kSchemaReordered);
  auto r = run_migra({"--unsafe", a.url(), b.url()});
  // Only the column order differs, which migra leaves alone.
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(DeferredTexts, ChangedTextsArePrintedInFull) {
  std::string changed = kSchema;
  auto swap = [&](const std::string& from, const std::string& to) {
    auto at = changed.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    changed.replace(at, from.size(), to);
  };
  swap("check (qty >= 0)", "check (qty > 0)");
  swap("where qty > 10", "where qty > 20");
  swap("(data ->> 'k')", "(data ->> 'j')");
  swap("check (id > 0) not valid", "check (id > 0)");
  swap("(name, id desc nulls last)", "(id desc, name)");
  auto result = round_trip("changed", {kSchema, changed, {"--unsafe"}});
  const auto& sql = result.migration;
  EXPECT_EQ(sql.find(kMark), std::string::npos) << sql;
  EXPECT_NE(sql.find("CHECK ((qty > (0)::numeric))"), std::string::npos) << sql;
  EXPECT_NE(sql.find("WHERE (qty > (20)::numeric)"), std::string::npos) << sql;
  EXPECT_NE(sql.find("(data ->> 'j'::text)"), std::string::npos) << sql;
  EXPECT_NE(sql.find("USING btree (id DESC, name)"), std::string::npos) << sql;
  // Unchanged objects are left alone.
  EXPECT_EQ(sql.find("qty_small"), std::string::npos) << sql;
  EXPECT_EQ(sql.find("item_mood"), std::string::npos) << sql;
}

TEST(DeferredTexts, NewObjectsArePrintedInFull) {
  auto result = round_trip("new", {"", kSchema, {"--unsafe"}});
  const auto& sql = result.migration;
  EXPECT_EQ(sql.find(kMark), std::string::npos) << sql;
  EXPECT_NE(sql.find("CHECK ((qty < (1000000)::numeric)) NO INHERIT"), std::string::npos) << sql;
  EXPECT_NE(sql.find("CHECK ((id > 0)) not valid"), std::string::npos) << sql;
  EXPECT_NE(sql.find("USING btree (lower(name), ((data ->> 'k'::text))) WHERE "
                     "(feeling <> 'ok'::mood)"),
            std::string::npos)
      << sql;
  EXPECT_NE(sql.find("(name text_pattern_ops, ((id + 1)))"), std::string::npos) << sql;
  EXPECT_NE(sql.find("(name, id DESC NULLS LAST)"), std::string::npos) << sql;
  EXPECT_NE(sql.find("(name COLLATE \"POSIX\")"), std::string::npos) << sql;
}

TEST(DeferredTexts, SameTextFromAnotherTreeIsNoChange) {
  // The collation changes the stored tree of the check (its input collation), not its text.
  TestDatabase a;
  TestDatabase b;
  a.load("create table t (name text collate \"C\" constraint named check (name <> ''));");
  b.load("create table t (name text constraint named check (name <> ''));");
  auto r = run_migra({"--unsafe", a.url(), b.url()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out.find("named"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("set data type text"), std::string::npos) << r.out;
}

TEST(DeferredTexts, IndexOnAColumnOfAnotherTypeWithTheSameTextIsNoChange) {
  // varchar(10) and varchar(20) columns: other trees and types, the same index text.
  TestDatabase a;
  TestDatabase b;
  a.load("create table t (code varchar(10)); create index t_code on t (code);");
  b.load("create table t (code varchar(20)); create index t_code on t (code);");
  auto r = run_migra({"--unsafe", a.url(), b.url()});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(r.out.find("t_code"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("character varying(20)"), std::string::npos) << r.out;
}

TEST(DeferredTexts, ConstantsPrintTheSameWhateverTheDatabasesStyles) {
  // Equal trees stand for equal texts only if constants print alike on both sides.
  TestDatabase a;
  TestDatabase b;
  const std::string schema =
      "create table t (d date check (d > '2020-01-02'), i interval check (i < '1 day'), "
      "x float8 check (x < 0.1));";
  a.load("alter database \"" + a.name() + "\" set datestyle = 'SQL, DMY';"
         "alter database \"" + a.name() + "\" set intervalstyle = 'sql_standard';"
         "alter database \"" + a.name() + "\" set extra_float_digits = 3;");
  a.load(schema);
  b.load(schema);
  auto r = run_migra({"--unsafe", a.url(), b.url()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  auto inspected = run_migra({"inspect", a.url()});
  EXPECT_NE(inspected.out.find("(d > '2020-01-02'::date)"), std::string::npos) << inspected.out;
  EXPECT_NE(inspected.out.find("(i < '1 day'::interval)"), std::string::npos) << inspected.out;
  EXPECT_NE(inspected.out.find("(x < (0.1)::double precision)"), std::string::npos)
      << inspected.out;
}

TEST(DeferredTexts, AReadOnlyInspectionPrintsEverything) {
  TestDatabase a;
  a.load(kSchema);
  auto r = run_migra({"inspect", a.url()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.find(kMark), std::string::npos);
  EXPECT_NE(r.out.find("CHECK ((name <> ''::text))"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace migra::test
