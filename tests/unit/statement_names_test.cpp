// What model statements define and refer to, read from their parse trees, and the parse
// trees' life and limits.
#include <gtest/gtest.h>

#include <memory>

#include "sql/parse.h"
#include "sql/references.h"

namespace migra::sql {
namespace {

using Names = std::vector<std::string>;

std::vector<StatementNames> names_of(const std::string& text) {
  auto model = parse_model_text("m.sql", text);
  EXPECT_TRUE(model.problems.empty());
  std::vector<StatementNames> out;
  for (const auto& s : model.statements) out.push_back(statement_names(s));
  return out;
}

TEST(StatementNames, DefinitionsReferencesAndRanks) {
  auto n = names_of(
      "create schema s2;\n"
      "create extension if not exists pgcrypto;\n"
      "create view v as select f(x), g.y from g join s2.h using (x);\n"
      "create table t (a e, b s2.dm, c pg_catalog.int4, d text collate mycoll, e int default "
      "s2.nextid());\n"
      "create function s2.f(int) returns int language sql as 'select 1';\n"
      "create index t_a on t (a);\n"
      "alter function s2.f(int) owner to postgres;\n"
      "comment on table t is 'x';\n");
  ASSERT_EQ(n.size(), 8u);
  EXPECT_EQ(n[0].defines, Names{"schema:s2"});
  EXPECT_EQ(n[0].rank, 0);
  EXPECT_EQ(n[1].defines, Names{"extension:pgcrypto"});
  EXPECT_EQ(n[1].rank, 1);
  EXPECT_EQ(n[2].defines, Names{"rel:public.v"});
  EXPECT_EQ(n[2].references,
            (Names{"fn:public.f", "rel:public.g", "rel:s2.h", "schema:public"}));
  EXPECT_EQ(n[2].rank, 2);
  // pg_catalog names are built in; unqualified names are in public.
  EXPECT_EQ(n[3].references, (Names{"coll:public.mycoll", "fn:s2.nextid", "rel:public.e",
                                    "rel:public.text", "rel:s2.dm", "schema:public"}));
  EXPECT_EQ(n[4].defines, Names{"fn:s2.f"});
  EXPECT_EQ(n[5].defines, Names{"rel:public.t_a"});
  EXPECT_EQ(n[5].references, (Names{"rel:public.t", "schema:public"}));
  EXPECT_EQ(n[6].references, Names{"fn:s2.f"});
  EXPECT_EQ(n[6].rank, 3);
  EXPECT_TRUE(n[7].references.empty());  // a comment names its object as a list of strings
  EXPECT_EQ(n[7].rank, 3);
}

TEST(StatementNames, ForeignKeysAreSoftReferencesInTableOrder) {
  const std::string text =
      "create table c (\n  id int references s.a (id),\n  b int,\n"
      "  constraint c_b foreign key (b) references b (id)\n);\n";
  auto model = parse_model_text("m.sql", text);
  ASSERT_EQ(model.statements.size(), 1u);
  auto n = statement_names(model.statements[0]);
  EXPECT_EQ(n.references, Names{"schema:public"});
  ASSERT_EQ(n.foreign_keys.size(), 2u);
  EXPECT_EQ(n.foreign_keys[0].target, "rel:s.a");
  ASSERT_TRUE(n.foreign_keys[0].column);
  EXPECT_EQ(tree_string(*n.foreign_keys[0].column, "colname"), "id");
  // Locations are byte offsets into the file.
  EXPECT_EQ(tree_int(n.foreign_keys[0].constraint, "location"),
            static_cast<int64_t>(text.find("references s.a")));
  EXPECT_EQ(n.foreign_keys[1].target, "rel:public.b");
  EXPECT_FALSE(n.foreign_keys[1].column);
  EXPECT_EQ(tree_int(n.foreign_keys[1].constraint, "location"),
            static_cast<int64_t>(text.find("constraint c_b")));
}

TEST(StatementNames, DeeplyNestedExpressions) {
  // a+b+c+... nests one level per operator, far deeper than a call stack would allow.
  std::string sum = "f(1)";
  for (int i = 0; i < 20000; ++i) sum += " + 1";
  auto n = names_of("create view deep as select " + sum + " as x;\n");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].references, (Names{"fn:public.f", "schema:public"}));
}

TEST(StatementNames, TreesOutliveTheParsedModel) {
  ModelStatement kept;
  {
    auto model =
        parse_model_text("m.sql", "create table a (id int);\ncreate view v as select * from a;\n");
    ASSERT_EQ(model.statements.size(), 2u);
    kept = model.statements[1];
  }
  EXPECT_EQ(kept.kind, "ViewStmt");
  EXPECT_EQ(kept.location().str(), "m.sql:2:1");
  EXPECT_EQ(statement_names(kept).references, (Names{"rel:public.a", "schema:public"}));
}

TEST(ParseModel, TextThatIsNotUtf8IsAProblemWhereItIs) {
  auto model = parse_model_text("m.sql", "create table t (id int);\n"
                                         "create table u (note text default 'caf\xe9');\n");
  ASSERT_EQ(model.problems.size(), 1u);
  EXPECT_EQ(model.problems[0].where.str(), "m.sql:2:39");
  EXPECT_EQ(model.problems[0].message, "the file is not valid UTF-8 text");
  EXPECT_TRUE(model.statements.empty());
  // Outside the SQL (a comment) it does not matter.
  auto comment = parse_model_text("m.sql", "-- caf\xe9\ncreate table t (id int);\n");
  EXPECT_TRUE(comment.problems.empty());
  EXPECT_EQ(comment.statements.size(), 1u);
}

}  // namespace
}  // namespace migra::sql
