// Hazards of index changes, and indexes on partitioned tables.
#include <gtest/gtest.h>

#include "table_models.h"

namespace migra::test {
namespace {

model::Table t() { return table("t", {column("a", "integer"), column("b", "text")}); }

TEST(DiffIndexes, CreateTakesAShareLockAndIsSafe) {
  auto i = index("t", "t_b", "CREATE INDEX t_b ON public.t USING btree (b)", {"b"});
  auto p = plan_of(model_of({t()}), model_of({t()}, {}, {i}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "CREATE INDEX t_b ON public.t USING btree (b);");
  EXPECT_EQ(p.statements[0].lock, plan::Lock::share);
  EXPECT_FALSE(p.statements[0].destructive);
  EXPECT_FALSE(p.statements[0].rewrites_table);
}

TEST(DiffIndexes, DropIsDestructive) {
  auto i = index("t", "t_b", "CREATE INDEX t_b ON public.t USING btree (b)", {"b"});
  auto p = plan_of(model_of({t()}, {}, {i}), model_of({t()}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "drop index if exists \"public\".\"t_b\";");
  EXPECT_TRUE(p.statements[0].destructive);
  EXPECT_EQ(p.statements[0].lock, plan::Lock::access_exclusive);
}

TEST(DiffIndexes, ChangedDefinitionRecreates) {
  auto before = index("t", "t_b", "CREATE INDEX t_b ON public.t USING btree (b)", {"b"});
  auto after = index("t", "t_b", "CREATE INDEX t_b ON public.t USING btree (b DESC)", {"b"});
  auto p = plan_of(model_of({t()}, {}, {before}), model_of({t()}, {}, {after}));
  ASSERT_EQ(p.statements.size(), 2u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "drop index if exists \"public\".\"t_b\";");
  EXPECT_EQ(p.statements[1].sql, "CREATE INDEX t_b ON public.t USING btree (b DESC);");
}

TEST(DiffIndexes, PartitionedIndexIsCreatedForThePartitionsToo) {
  auto parent = t();
  parent.partitioned = true;
  parent.partition_key = "LIST (a)";
  auto i = index("t", "t_b", "CREATE INDEX t_b ON ONLY public.t USING btree (b)", {"b"});
  auto p = plan_of(model_of({parent}), model_of({parent}, {}, {i}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "CREATE INDEX t_b ON public.t USING btree (b);");
}

TEST(DiffIndexes, IndexOnARegeneratedColumnIsMadeAgain) {
  auto before = t();
  before.columns.push_back(column("c", "integer"));
  before.columns.back().generated = "(a + 1)";
  auto after = t();
  after.columns.push_back(column("c", "integer"));
  after.columns.back().generated = "(a + 2)";
  auto i = index("t", "t_c", "CREATE INDEX t_c ON public.t USING btree (c)", {"c"});
  auto p = plan_of(model_of({before}, {}, {i}), model_of({after}, {}, {i}));
  int drop_index = position(p, "drop index if exists \"public\".\"t_c\";");
  int drop_column = position(p, "alter table \"public\".\"t\" drop column \"c\";");
  int create = position(p, "CREATE INDEX t_c ON public.t USING btree (c);");
  ASSERT_GE(drop_index, 0) << sql_of(p);
  EXPECT_LT(drop_index, drop_column);
  EXPECT_LT(drop_column, create);
}

}  // namespace
}  // namespace migra::test
