// Hazards and statement shapes of the view and function differs, on hand-built models.
#include <gtest/gtest.h>

#include <algorithm>

#include "diff/diff.h"

namespace migra::diff {
namespace {

model::Table table(const std::string& name, const std::string& type = "integer") {
  model::Table t;
  t.schema = "public";
  t.name = name;
  t.owner = "o";
  model::Column c;
  c.name = "id";
  c.type = type;
  t.columns.push_back(c);
  return t;
}

model::View view(const std::string& name, const std::string& definition,
                 std::vector<std::string> columns, std::vector<std::string> depends_on) {
  model::View v;
  v.schema = "public";
  v.name = name;
  v.definition = definition;
  v.owner = "o";
  for (const auto& c : columns) v.columns.push_back({c, "integer", {}, {}, {}});
  v.depends_on = std::move(depends_on);
  return v;
}

model::Function function(const std::string& name, const std::string& result,
                         const std::string& body) {
  model::Function f;
  f.schema = "public";
  f.name = name;
  f.kind = "function";
  f.identity_arguments = "a integer";
  f.arguments = "a integer";
  f.result = result;
  f.language = "sql";
  f.definition = "CREATE OR REPLACE FUNCTION public." + name + "(a integer)\n RETURNS " + result +
                 "\n LANGUAGE sql\nAS $function$" + body + "$function$\n";
  f.volatility = "volatile";
  f.owner = "o";
  return f;
}

std::vector<std::string> sql_of(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& s : p.statements) out.push_back(s.sql);
  return out;
}

size_t index_of(const plan::Plan& p, const std::string& prefix) {
  for (size_t i = 0; i < p.statements.size(); ++i) {
    if (p.statements[i].sql.rfind(prefix, 0) == 0) return i;
  }
  ADD_FAILURE() << "no statement starts with " << prefix;
  return p.statements.size();
}

TEST(DiffViews, AppendedColumnIsReplacedInPlaceAndSafe) {
  model::Model a, b;
  a.tables = b.tables = {table("t")};
  a.views = {view("v", " SELECT t.id\n   FROM t;", {"id"}, {"\"public\".\"t\""})};
  b.views = {view("v", " SELECT t.id, t.id AS id2\n   FROM t;", {"id", "id2"}, {"\"public\".\"t\""})};
  auto plan = diff(a, b, {});
  ASSERT_EQ(plan.statements.size(), 1u) << testing::PrintToString(sql_of(plan));
  EXPECT_EQ(plan.statements[0].sql.rfind("create or replace view \"public\".\"v\"", 0), 0u);
  EXPECT_FALSE(plan.destructive());
}

TEST(DiffViews, RecreatedBaseViewTakesDependentViewsAlongInOrder) {
  model::Model a, b;
  a.tables = b.tables = {table("t")};
  a.views = {view("base", " SELECT t.id\n   FROM t;", {"id"}, {"\"public\".\"t\""}),
             view("top", " SELECT base.id\n   FROM base;", {"id"}, {"\"public\".\"base\""})};
  b.views = a.views;
  // A renamed column cannot be replaced in place.
  b.views[0] = view("base", " SELECT t.id AS ident\n   FROM t;", {"ident"}, {"\"public\".\"t\""});
  b.views[1] = view("top", " SELECT base.ident AS id\n   FROM base;", {"id"}, {"\"public\".\"base\""});
  auto plan = diff(a, b, {});
  EXPECT_TRUE(plan.destructive());
  auto drop_top = index_of(plan, "drop view if exists \"public\".\"top\"");
  auto drop_base = index_of(plan, "drop view if exists \"public\".\"base\"");
  auto create_base = index_of(plan, "create or replace view \"public\".\"base\"");
  auto create_top = index_of(plan, "create or replace view \"public\".\"top\"");
  EXPECT_LT(drop_top, drop_base);
  EXPECT_LT(drop_base, create_base);
  EXPECT_LT(create_base, create_top);
}

TEST(DiffViews, NewViewsFollowTheirBaseViewsWhenTheTableHasComments) {
  model::Model a, b;
  b.tables = {table("t")};
  b.tables[0].comment = "table";
  b.tables[0].columns[0].comment = "column";
  // Emitted by key, the dependent view comes first.
  b.views = {view("a_top", " SELECT z_base.id\n   FROM z_base;", {"id"}, {"\"public\".\"z_base\""}),
             view("z_base", " SELECT t.id\n   FROM t;", {"id"}, {"\"public\".\"t\""})};
  b.views[0].comment = "top";
  b.views[1].comment = "base";
  auto plan = diff(a, b, {});
  EXPECT_LT(index_of(plan, "create table \"public\".\"t\""),
            index_of(plan, "create or replace view \"public\".\"z_base\""));
  EXPECT_LT(index_of(plan, "create or replace view \"public\".\"z_base\""),
            index_of(plan, "create or replace view \"public\".\"a_top\""));
}

TEST(DiffViews, ColumnDefaultsAreSetAndDropped) {
  model::Model a, b;
  a.tables = b.tables = {table("t")};
  a.views = {view("v", " SELECT t.id, t.id AS x\n   FROM t;", {"id", "x"}, {"\"public\".\"t\""})};
  b.views = a.views;
  a.views[0].columns[0].default_ = "1";
  b.views[0].columns[1].default_ = "2";
  auto plan = diff(a, b, {});
  EXPECT_EQ(sql_of(plan), (std::vector<std::string>{
                              "alter view \"public\".\"v\" alter column \"id\" drop default;",
                              "alter view \"public\".\"v\" alter column \"x\" set default 2;"}));
  EXPECT_FALSE(plan.destructive());
}

TEST(DiffViews, ColumnGrantsOnlyWithPrivileges) {
  model::Model a, b;
  a.tables = b.tables = {table("t")};
  a.views = {view("v", " SELECT t.id\n   FROM t;", {"id"}, {"\"public\".\"t\""})};
  b.views = a.views;
  b.views[0].columns[0].acl = {{"r", "SELECT", false}};
  EXPECT_TRUE(diff(a, b, {}).empty());
  DiffOptions with;
  with.with_privileges = true;
  EXPECT_EQ(sql_of(diff(a, b, with)),
            (std::vector<std::string>{"grant select (\"id\") on table \"public\".\"v\" to \"r\";"}));
}

TEST(DiffFunctions, BodyChangeIsReplacedInPlace) {
  model::Model a, b;
  a.functions = {function("f", "integer", "select a")};
  b.functions = {function("f", "integer", "select a + 1")};
  auto plan = diff(a, b, {});
  EXPECT_FALSE(plan.destructive());
  for (const auto& s : plan.statements) EXPECT_EQ(s.sql.find("drop"), std::string::npos) << s.sql;
}

TEST(DiffFunctions, ResultChangeDropsAndRecreatesDependentViews) {
  model::Model a, b;
  a.functions = {function("f", "integer", "select a")};
  b.functions = {function("f", "bigint", "select a::bigint")};
  a.views = {view("v", " SELECT f(1) AS f;", {"f"}, {"\"public\".\"f\"(a integer)"})};
  b.views = a.views;
  auto plan = diff(a, b, {});
  EXPECT_TRUE(plan.destructive());
  auto drop_view = index_of(plan, "drop view if exists \"public\".\"v\"");
  auto drop_fn = index_of(plan, "drop function if exists \"public\".\"f\"(a integer)");
  auto create_fn = index_of(plan, "CREATE OR REPLACE FUNCTION public.f");
  auto create_view = index_of(plan, "create or replace view \"public\".\"v\"");
  EXPECT_LT(drop_view, drop_fn);
  EXPECT_LT(drop_fn, create_fn);
  EXPECT_LT(create_fn, create_view);
}

TEST(DiffFunctions, ResultChangeRebuildsIndexesAndDefaultsThatCallIt) {
  model::Model a, b;
  a.functions = {function("f", "integer", "select a")};
  b.functions = {function("f", "bigint", "select a::bigint")};
  a.tables = {table("t")};
  a.tables[0].columns[0].default_ = "f(1)";
  a.tables[0].columns[0].depends_on = {"\"public\".\"f\"(a integer)"};
  b.tables = a.tables;
  model::Index i;
  i.schema = "public";
  i.table = "t";
  i.name = "t_f";
  i.definition = "CREATE INDEX t_f ON public.t USING btree (f(id))";
  i.depends_on = {"\"public\".\"f\"(a integer)"};
  a.indexes = b.indexes = {i};
  auto plan = diff(a, b, {});
  auto drop_index = index_of(plan, "drop index if exists \"public\".\"t_f\"");
  auto drop_default = index_of(plan, "alter table \"public\".\"t\" alter column \"id\" drop default");
  auto drop_fn = index_of(plan, "drop function if exists \"public\".\"f\"(a integer)");
  auto create_fn = index_of(plan, "CREATE OR REPLACE FUNCTION public.f");
  auto set_default = index_of(plan, "alter table \"public\".\"t\" alter column \"id\" set default f(1)");
  auto create_index = index_of(plan, "CREATE INDEX t_f");
  EXPECT_LT(drop_index, drop_fn);
  EXPECT_LT(drop_default, drop_fn);
  EXPECT_LT(drop_fn, create_fn);
  EXPECT_LT(create_fn, set_default);
  EXPECT_LT(create_fn, create_index);
}

TEST(DiffFunctions, DefaultsMayBeAddedInPlaceButNotRemoved) {
  model::Model a, b;
  a.functions = {function("f", "integer", "select a")};
  b.functions = a.functions;
  b.functions[0].arguments = "a integer DEFAULT 1";
  b.functions[0].definition += " ";
  EXPECT_FALSE(diff(a, b, {}).destructive());
  EXPECT_TRUE(diff(b, a, {}).destructive());
}

TEST(DiffFunctions, AggregatesAreReplacedInPlaceFromPostgres12) {
  model::Function agg;
  agg.schema = "public";
  agg.name = "total";
  agg.kind = "aggregate";
  agg.identity_arguments = agg.arguments = "integer";
  agg.result = "integer";
  agg.definition = "CREATE AGGREGATE \"public\".\"total\"(integer) (SFUNC = \"public\".\"add\", STYPE = integer)";
  model::Model a, b;
  a.functions = {agg};
  agg.definition.pop_back();
  agg.definition += ", INITCOND = '0')";
  b.functions = {agg};
  a.server_version_num = b.server_version_num = 120000;
  auto plan = diff(a, b, {});
  EXPECT_FALSE(plan.destructive());
  EXPECT_EQ(index_of(plan, "CREATE OR REPLACE AGGREGATE \"public\".\"total\"(integer)"), 1u);
  a.server_version_num = b.server_version_num = 110000;
  EXPECT_TRUE(diff(a, b, {}).destructive());
}

TEST(DiffFunctions, RecreatedFunctionGetsItsOwnerBackWithPrivileges) {
  model::Model a, b;
  a.functions = {function("f", "integer", "select a")};
  b.functions = {function("f", "bigint", "select a::bigint")};
  DiffOptions with;
  with.with_privileges = true;
  auto sql = sql_of(diff(a, b, with));
  EXPECT_NE(std::find(sql.begin(), sql.end(),
                      "alter function \"public\".\"f\"(a integer) owner to \"o\";"),
            sql.end());
}

}  // namespace
}  // namespace migra::diff
