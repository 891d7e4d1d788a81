// Hazards of column changes: which type changes lose data or rewrite the table, and
// which drops keep the data.
#include <gtest/gtest.h>

#include "diff/columns.h"
#include "table_models.h"

namespace migra::test {
namespace {

const plan::Statement& only_statement(const plan::Plan& p) {
  static const plan::Statement missing;
  EXPECT_EQ(p.statements.size(), 1u) << sql_of(p);
  return p.statements.empty() ? missing : p.statements.front();
}

plan::Plan change_column(model::Column before, model::Column after) {
  return plan_of(model_of({table("t", {std::move(before)})}),
                 model_of({table("t", {std::move(after)})}));
}

TEST(DiffColumns, WideningTypesAreNotDestructive) {
  auto s = only_statement(change_column(column("a", "integer"), column("a", "bigint")));
  EXPECT_EQ(s.sql, "alter table \"public\".\"t\" alter column \"a\" set data type bigint using \"a\"::bigint;");
  EXPECT_FALSE(s.destructive);
  EXPECT_TRUE(s.rewrites_table);
  EXPECT_EQ(s.lock, plan::Lock::access_exclusive);

  s = only_statement(change_column(column("a", "character varying(10)"),
                                   column("a", "character varying(20)")));
  EXPECT_FALSE(s.destructive);
  EXPECT_FALSE(s.rewrites_table);

  s = only_statement(change_column(column("a", "character varying(10)"), column("a", "text")));
  EXPECT_FALSE(s.destructive);
  EXPECT_FALSE(s.rewrites_table);
}

TEST(DiffColumns, NarrowingAndLossyTypesAreDestructive) {
  auto s = only_statement(change_column(column("a", "bigint"), column("a", "integer")));
  EXPECT_TRUE(s.destructive);
  EXPECT_TRUE(s.rewrites_table);

  s = only_statement(change_column(column("a", "text"), column("a", "integer")));
  EXPECT_EQ(s.sql, "alter table \"public\".\"t\" alter column \"a\" set data type integer using \"a\"::integer;");
  EXPECT_TRUE(s.destructive);

  s = only_statement(change_column(column("a", "character varying(20)"),
                                   column("a", "character varying(10)")));
  EXPECT_TRUE(s.destructive);
}

TEST(DiffColumns, TypeChangeClassification) {
  using diff::classify_type_change;
  EXPECT_TRUE(classify_type_change("numeric(10,2)", "numeric(12,2)").lossless);
  EXPECT_FALSE(classify_type_change("numeric(10,2)", "numeric(12,2)").rewrites_table);
  EXPECT_TRUE(classify_type_change("numeric(10,2)", "numeric(12,4)").lossless);
  EXPECT_TRUE(classify_type_change("numeric(10,2)", "numeric(12,4)").rewrites_table);
  EXPECT_FALSE(classify_type_change("numeric(12,2)", "numeric(10,2)").lossless);
  EXPECT_FALSE(classify_type_change("numeric(10,2)", "numeric(10,1)").lossless);
  EXPECT_TRUE(classify_type_change("numeric(10,2)", "numeric").lossless);
  EXPECT_TRUE(classify_type_change("integer", "numeric(10,0)").lossless);
  EXPECT_FALSE(classify_type_change("bigint", "numeric(10,0)").lossless);
  EXPECT_TRUE(classify_type_change("text", "character varying").lossless);
  EXPECT_FALSE(classify_type_change("text", "character varying(5)").lossless);
  EXPECT_FALSE(classify_type_change("double precision", "real").lossless);
  EXPECT_FALSE(classify_type_change("json", "jsonb").lossless);
  EXPECT_TRUE(classify_type_change("character(3)", "character(5)").lossless);
  EXPECT_FALSE(classify_type_change("character(5)", "character(3)").lossless);
}

TEST(DiffColumns, CollationAloneIsNeitherDestructiveNorARewrite) {
  auto before = column("a", "text");
  before.collation = "\"pg_catalog\".\"C\"";
  auto s = only_statement(change_column(before, column("a", "text")));
  EXPECT_FALSE(s.destructive);
  EXPECT_FALSE(s.rewrites_table);
}

TEST(DiffColumns, DroppingAColumnIsDestructive) {
  auto p = plan_of(model_of({table("t", {column("a", "integer"), column("b", "text")})}),
                   model_of({table("t", {column("a", "integer")})}));
  auto s = only_statement(p);
  EXPECT_EQ(s.sql, "alter table \"public\".\"t\" drop column \"b\";");
  EXPECT_TRUE(s.destructive);
  EXPECT_FALSE(s.rewrites_table);
  EXPECT_TRUE(p.destructive());
}

TEST(DiffColumns, DropsThatKeepTheDataAreNotDestructive) {
  auto with_default = column("a", "integer");
  with_default.default_ = "1";
  auto not_null = column("b", "text");
  not_null.not_null = true;
  auto identity = column("c", "integer");
  identity.identity = "always";
  identity.not_null = true;
  auto generated = column("d", "integer");
  generated.generated = "(a * 2)";
  auto still_not_null = column("c", "integer");
  still_not_null.not_null = true;
  auto p = plan_of(model_of({table("t", {with_default, not_null, identity, generated})}),
                   model_of({table("t", {column("a", "integer"), column("b", "text"),
                                         still_not_null, column("d", "integer")})}));
  EXPECT_EQ(p.statements.size(), 4u) << sql_of(p);
  for (const auto& s : p.statements) {
    EXPECT_FALSE(s.destructive) << s.sql;
    EXPECT_FALSE(s.rewrites_table) << s.sql;
  }
  EXPECT_FALSE(p.destructive());
  statement(p, "alter table \"public\".\"t\" alter column \"a\" drop default;");
  statement(p, "alter table \"public\".\"t\" alter column \"b\" drop not null;");
  statement(p, "alter table \"public\".\"t\" alter column \"c\" drop identity;");
  statement(p, "alter table \"public\".\"t\" alter column \"d\" drop expression;");
}

TEST(DiffColumns, ChangedDefaultIsSetInPlace) {
  auto before = column("a", "integer");
  before.default_ = "1";
  auto after = column("a", "integer");
  after.default_ = "2";
  auto s = only_statement(change_column(before, after));
  EXPECT_EQ(s.sql, "alter table \"public\".\"t\" alter column \"a\" set default 2;");
  EXPECT_FALSE(s.destructive);
}

TEST(DiffColumns, VolatileDefaultRewritesOnAdd) {
  auto uuid = column("u", "uuid");
  uuid.default_ = "gen_random_uuid()";
  auto stamp = column("s", "timestamp with time zone");
  stamp.default_ = "now()";
  auto p = plan_of(model_of({table("t", {column("a", "integer")})}),
                   model_of({table("t", {column("a", "integer"), uuid, stamp})}));
  EXPECT_TRUE(statement(p, "alter table \"public\".\"t\" add column \"u\" uuid default gen_random_uuid();")
                  .rewrites_table);
  EXPECT_FALSE(statement(p, "alter table \"public\".\"t\" add column \"s\" timestamp with time zone default now();")
                   .rewrites_table);
  EXPECT_FALSE(p.destructive());
}

TEST(DiffColumns, ChangedGenerationExpressionReaddsWithoutLoss) {
  auto before = column("c", "integer");
  before.generated = "(a + b)";
  auto after = column("c", "integer");
  after.generated = "(a * b)";
  auto p = plan_of(model_of({table("t", {column("a", "integer"), column("b", "integer"), before})}),
                   model_of({table("t", {column("a", "integer"), column("b", "integer"), after})}));
  ASSERT_EQ(p.statements.size(), 2u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"t\" drop column \"c\";");
  EXPECT_FALSE(p.statements[0].destructive);
  EXPECT_EQ(p.statements[1].sql,
            "alter table \"public\".\"t\" add column \"c\" integer generated always as ((a * b)) stored;");
  EXPECT_TRUE(p.statements[1].rewrites_table);
}

TEST(DiffColumns, PlainColumnBecomingGeneratedLosesItsValues) {
  auto after = column("c", "integer");
  after.generated = "(a + 1)";
  auto p = plan_of(model_of({table("t", {column("a", "integer"), column("c", "integer")})}),
                   model_of({table("t", {column("a", "integer"), after})}));
  EXPECT_TRUE(statement(p, "alter table \"public\".\"t\" drop column \"c\";").destructive);
}

TEST(DiffColumns, GeneratedColumnTypeChangeHasNoUsing) {
  auto before = column("c", "integer");
  before.generated = "(a * 2)";
  auto after = column("c", "bigint");
  after.generated = "(a * 2)";
  auto s = only_statement(change_column(before, after));
  EXPECT_EQ(s.sql, "alter table \"public\".\"t\" alter column \"c\" set data type bigint;");
  EXPECT_FALSE(s.destructive);
}

model::Column identity_column(std::int64_t start, std::int64_t min) {
  auto c = column("id", "integer");
  c.identity = "always";
  c.not_null = true;
  model::SequenceOptions o;
  o.data_type = "integer";
  o.start = start;
  o.min = min;
  o.max = 2147483647;
  c.identity_options = o;
  return c;
}

TEST(DiffColumns, IdentityOptionsAreSetInPlace) {
  auto after = identity_column(1, 1);
  after.identity_options->increment = 5;
  after.identity_options->cache = 10;
  after.identity = "by default";
  auto p = change_column(identity_column(1, 1), after);
  ASSERT_EQ(p.statements.size(), 2u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"t\" alter column \"id\" set generated by default;");
  EXPECT_EQ(p.statements[1].sql,
            "alter table \"public\".\"t\" alter column \"id\" set increment by 5 set cache 10;");
  EXPECT_FALSE(p.destructive());
}

TEST(DiffColumns, IdentityRangeThatExcludesTheOldStartRestarts) {
  auto s = only_statement(change_column(identity_column(1, 1), identity_column(100, 50)));
  EXPECT_EQ(s.sql, "alter table \"public\".\"t\" alter column \"id\" set minvalue 50 set start with 100 restart;");
  EXPECT_TRUE(s.destructive);
}

TEST(DiffColumns, IdentityAddedToANullableColumn) {
  auto p = change_column(column("id", "integer"), identity_column(1, 1));
  ASSERT_EQ(p.statements.size(), 2u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"t\" alter column \"id\" set not null;");
  EXPECT_EQ(p.statements[1].sql,
            "alter table \"public\".\"t\" alter column \"id\" add generated always as identity;");
  EXPECT_FALSE(p.destructive());
}

}  // namespace
}  // namespace migra::test

namespace migra::test {
namespace {

TEST(DiffColumns, ComputedColumnsReadingARetypedColumnAreMadeAgain) {
  auto g = column("g", "integer");
  g.generated = "(v * 2)";
  auto other = column("h", "integer");
  other.generated = "(w + 1)";
  auto p = plan_of(model_of({table("t", {column("v", "integer"), column("w", "integer"), g, other})}),
                   model_of({table("t", {column("v", "bigint"), column("w", "integer"), g, other})}));
  ASSERT_EQ(p.statements.size(), 3u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"t\" drop column \"g\";");
  EXPECT_FALSE(p.statements[0].destructive);
  EXPECT_EQ(p.statements[1].sql,
            "alter table \"public\".\"t\" alter column \"v\" set data type bigint using \"v\"::bigint;");
  EXPECT_EQ(p.statements[2].sql,
            "alter table \"public\".\"t\" add column \"g\" integer generated always as ((v * 2)) stored;");
}

}  // namespace
}  // namespace migra::test
