// Foreign keys to tables created later are split out of CREATE TABLE at the right bytes,
// wherever the statement sits in its file.
#include <gtest/gtest.h>

#include "sql/load_plan.h"

namespace migra::sql {
namespace {

ParsedModel parse_two(const std::string& first, const std::string& second) {
  auto a = parse_model_text("a.sql", first);
  auto b = parse_model_text("b.sql", second);
  for (auto& s : b.statements) a.statements.push_back(std::move(s));
  return a;
}

TEST(LoadPlanForeignKeys, SplitFromATableThatIsNotTheFirstStatementOfItsFile) {
  auto model = parse_two(
      "create table x (id int);\n\n-- lines of an order\ncreate table lines (\n"
      "    id int,\n    product_id bigint not null references products (id) on delete cascade,\n"
      "    qty int\n);\n",
      "create table products (id bigint primary key);\n");
  ASSERT_TRUE(model.problems.empty());
  auto plan = plan_load(model);
  ASSERT_TRUE(plan.problems.empty());
  ASSERT_EQ(plan.statements.size(), 4u);
  EXPECT_EQ(plan.statements[0].sql, "create table x (id int)");
  EXPECT_EQ(plan.statements[1].sql,
            "create table lines (\n    id int,\n    product_id bigint not null ,\n    qty int\n)");
  EXPECT_EQ(plan.statements[2].sql, "create table products (id bigint primary key)");
  EXPECT_EQ(plan.statements[3].sql,
            "alter table \"lines\" add foreign key (\"product_id\") references products (id) on "
            "delete cascade");
  // An error in the moved clause is reported where the clause is written.
  EXPECT_EQ(plan.statements[3].location_of(0).str(), "a.sql:6:32");
}

TEST(LoadPlanForeignKeys, TableConstraintAfterOtherStatements) {
  auto model = parse_two(
      "create table x (id int);\ncreate table lines (\n    product_id bigint,\n"
      "    constraint lines_product_fk foreign key (product_id) references products (id)\n);\n",
      "create table products (id bigint primary key);\n");
  auto plan = plan_load(model);
  ASSERT_TRUE(plan.problems.empty());
  ASSERT_EQ(plan.statements.size(), 4u);
  EXPECT_EQ(plan.statements[1].sql, "create table lines (\n    product_id bigint)");
  EXPECT_EQ(plan.statements[3].sql,
            "alter table \"lines\" add constraint lines_product_fk foreign key (product_id) "
            "references products (id)");
}

}  // namespace
}  // namespace migra::sql
