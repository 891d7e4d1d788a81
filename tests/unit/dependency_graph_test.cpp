// The dependency graph and the name table under it: what each object needs, how keys
// resolve, and names the model depends on without having them.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "diff/dependencies.h"
#include "table_models.h"
#include "util/name_table.h"

namespace migra::test {
namespace {

using diff::DependencyGraph;

std::vector<std::string> names(const DependencyGraph::Nodes& nodes) {
  auto out = nodes.names();
  std::sort(out.begin(), out.end());
  return out;
}

bool has(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

TEST(NameTable, FindsEveryNameAcrossGrowthAndKeepsTheFirstNumber) {
  std::vector<std::string> text;
  for (int i = 0; i < 5000; ++i) text.push_back("\"s\".\"name_" + std::to_string(i) + "\"");
  auto text_of = [&](std::uint32_t i) -> std::string_view { return text[i]; };
  NameTable table;  // no reserve: it grows many times
  for (std::uint32_t i = 0; i < text.size(); ++i) {
    auto [value, fresh] = table.find_or_insert(text[i], i, text_of);
    EXPECT_TRUE(fresh);
    EXPECT_EQ(value, i);
  }
  for (std::uint32_t i = 0; i < text.size(); ++i) EXPECT_EQ(table.find(text[i], text_of), i);
  EXPECT_EQ(table.find("\"s\".\"name_5000\"", text_of), NameTable::kNone);
  EXPECT_EQ(table.find("", text_of), NameTable::kNone);
  auto [value, fresh] = table.find_or_insert(text[7], 4242, text_of);
  EXPECT_FALSE(fresh);
  EXPECT_EQ(value, 7u);
}

TEST(NameTable, EmptyTableFindsNothing) {
  NameTable table;
  EXPECT_EQ(table.find("x", [](std::uint32_t) { return std::string_view("x"); }), NameTable::kNone);
}

model::EnumType enum_type(std::string name) {
  model::EnumType e;
  e.schema = "public";
  e.name = std::move(name);
  e.labels = {"a"};
  return e;
}

TEST(DependencyGraph, TablesNeedTheirSchemaTypesAndTheKeysTheirForeignKeysUse) {
  auto mood = column("mood", "mood");
  mood.type_key = "\"public\".\"mood\"";
  auto parent = table("parent", {column("id", "integer"), column("code", "text")});
  auto child = table("child", {column("id", "integer"), column("parent_id", "integer"), mood});
  auto fk = constraint("child", "child_parent_fk", "foreign key",
                       "FOREIGN KEY (parent_id) REFERENCES parent(id)", {"parent_id"});
  fk.references = "\"public\".\"parent\"";
  auto pk = constraint("parent", "parent_pkey", "primary key", "PRIMARY KEY (id)", {"id"});
  auto code = index("parent", "parent_code_key",
                    "CREATE UNIQUE INDEX parent_code_key ON public.parent USING btree (code)",
                    {"code"});
  code.unique = true;
  auto m = model_of({parent, child}, {fk, pk}, {code});
  m.enums.push_back(enum_type("mood"));
  DependencyGraph g(m);

  auto child_needs = names(g.requires_of("table:\"public\".\"child\""));
  EXPECT_EQ(child_needs, (std::vector<std::string>{"schema:\"public\"", "type:\"public\".\"mood\""}));
  auto fk_needs = names(g.requires_of("constraint:\"public\".\"child\".\"child_parent_fk\""));
  EXPECT_EQ(fk_needs, (std::vector<std::string>{"constraint:\"public\".\"parent\".\"parent_pkey\"",
                                                "index:\"public\".\"parent_code_key\"",
                                                "table:\"public\".\"child\"",
                                                "table:\"public\".\"parent\""}));
  auto parent_users = names(g.dependents_of("table:\"public\".\"parent\""));
  EXPECT_TRUE(has(parent_users, "constraint:\"public\".\"child\".\"child_parent_fk\""));
  EXPECT_TRUE(has(parent_users, "constraint:\"public\".\"parent\".\"parent_pkey\""));
  EXPECT_TRUE(has(parent_users, "index:\"public\".\"parent_code_key\""));
  EXPECT_TRUE(has(names(g.dependents_of("type:\"public\".\"mood\"")), "table:\"public\".\"child\""));
  EXPECT_TRUE(g.requires_of("table:\"public\".\"nowhere\"").empty());
  EXPECT_TRUE(g.dependents_of("table:\"public\".\"nowhere\"").empty());

  EXPECT_EQ(g.table_position("\"public\".\"parent\""), 1u);
  EXPECT_EQ(g.table_position("\"public\".\"child\""), 0u);
  EXPECT_EQ(g.table_position("\"public\".\"mood\""), DependencyGraph::kNone);
  EXPECT_EQ(g.key_of(diff::List::tables, 1), "\"public\".\"parent\"");
  EXPECT_EQ(g.key_of(diff::List::constraints, 0), "\"public\".\"child\".\"child_parent_fk\"");
}

TEST(DependencyGraph, RelationsWinOverTypesAndMultirangesResolveToTheirRange) {
  auto m = model_of({table("thing", {column("id", "integer")})});
  m.enums.push_back(enum_type("thing"));  // as a table's row type would
  model::RangeType span;
  span.schema = "public";
  span.name = "span";
  span.subtype = "integer";
  span.multirange = "\"public\".\"span_multirange\"";
  m.range_types.push_back(span);
  DependencyGraph g(m);
  EXPECT_EQ(g.resolve("\"public\".\"thing\""), "table:\"public\".\"thing\"");
  EXPECT_EQ(g.resolve("\"public\".\"span\""), "type:\"public\".\"span\"");
  EXPECT_EQ(g.resolve("\"public\".\"span_multirange\""), "type:\"public\".\"span\"");
  EXPECT_EQ(g.resolve("\"public\".\"missing\""), "");
  EXPECT_TRUE(g.contains("type:\"public\".\"thing\""));
}

TEST(DependencyGraph, ASchemaTheModelLacksIsNoObjectButKnowsItsDependents) {
  auto t = table("t", {column("id", "integer")});
  t.schema = "elsewhere";
  auto m = model_of({t});
  DependencyGraph g(m);
  const std::string schema = "schema:\"elsewhere\"";
  EXPECT_FALSE(g.contains(schema));
  EXPECT_NE(g.find(schema), DependencyGraph::kNone);
  EXPECT_TRUE(has(names(g.requires_of("table:\"elsewhere\".\"t\"")), schema));
  EXPECT_EQ(names(g.dependents_of(schema)), (std::vector<std::string>{"table:\"elsewhere\".\"t\""}));
  EXPECT_TRUE(g.contains("schema:\"public\""));
  EXPECT_TRUE(g.dependents_of("schema:\"public\"").empty());
}

}  // namespace
}  // namespace migra::test
