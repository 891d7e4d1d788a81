// Sequences: data type kept, parameters changed in place, ownership after the table.
#include <gtest/gtest.h>

#include "table_models.h"

namespace migra::test {
namespace {

TEST(DiffSequences, CreateKeepsTheDataType) {
  auto p = plan_of(model_of({}), model_of({}, {}, {}, {sequence("s", "smallint", 32767)}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql,
            "create sequence \"public\".\"s\" as smallint increment by 1 minvalue 1 maxvalue 32767 "
            "start with 1 cache 1 no cycle;");
  EXPECT_FALSE(p.destructive());
}

TEST(DiffSequences, EveryParameterIsAlteredInPlace) {
  auto before = sequence("s", "bigint", 100);
  auto after = sequence("s", "integer", 1000);
  after.options.increment = 5;
  after.options.min = 0;
  after.options.start = 10;
  after.options.cache = 20;
  after.options.cycle = true;
  auto p = plan_of(model_of({}, {}, {}, {before}), model_of({}, {}, {}, {after}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql,
            "alter sequence \"public\".\"s\" as integer increment by 5 minvalue 0 maxvalue 1000 "
            "start with 10 cache 20 cycle;");
  EXPECT_FALSE(p.statements[0].destructive);
}

TEST(DiffSequences, RangeThatExcludesTheOldStartRestarts) {
  auto before = sequence("s", "bigint", 100);
  auto after = sequence("s", "bigint", 1000);
  after.options.min = 500;
  after.options.start = 500;
  auto p = plan_of(model_of({}, {}, {}, {before}), model_of({}, {}, {}, {after}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql,
            "alter sequence \"public\".\"s\" minvalue 500 maxvalue 1000 start with 500 restart;");
  EXPECT_TRUE(p.statements[0].destructive);
}

TEST(DiffSequences, UnloggedIsCreatedAndAltered) {
  auto logged = sequence("s", "bigint", 100);
  auto unlogged = logged;
  unlogged.unlogged = true;
  auto p = plan_of(model_of({}, {}, {}, {logged}), model_of({}, {}, {}, {unlogged}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter sequence \"public\".\"s\" set unlogged;");
  auto created = plan_of(model_of({}), model_of({}, {}, {}, {unlogged}));
  ASSERT_EQ(created.statements.size(), 1u);
  EXPECT_TRUE(created.statements[0].sql.starts_with("create unlogged sequence \"public\".\"s\" "));
}

TEST(DiffSequences, OwnedByComesAfterTheColumnAndBeforeTheOldTableGoes) {
  auto owned_old = sequence("s", "bigint", 100);
  owned_old.owned_by_table = "\"public\".\"old\"";
  owned_old.owned_by_column = "id";
  auto owned_new = owned_old;
  owned_new.owned_by_table = "\"public\".\"new\"";
  auto p = plan_of(model_of({table("old", {column("id", "bigint")})}, {}, {}, {owned_old}),
                   model_of({table("new", {column("id", "bigint")})}, {}, {}, {owned_new}));
  int create = position(p, "create table \"public\".\"new\" (\n    \"id\" bigint\n);");
  int owned = position(p, "alter sequence \"public\".\"s\" owned by \"public\".\"new\".\"id\";");
  int drop = position(p, "drop table \"public\".\"old\";");
  ASSERT_GE(owned, 0) << sql_of(p);
  EXPECT_LT(create, owned);
  // Dropping the owning table first would take the sequence with it.
  EXPECT_LT(owned, drop);
}

TEST(DiffSequences, DroppedSequenceIsDestructive) {
  auto p = plan_of(model_of({}, {}, {}, {sequence("s", "bigint", 100)}), model_of({}));
  ASSERT_EQ(p.statements.size(), 1u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "drop sequence if exists \"public\".\"s\";");
  EXPECT_TRUE(p.statements[0].destructive);
}

}  // namespace
}  // namespace migra::test
