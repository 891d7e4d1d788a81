// Hazards and order of table changes: drops, persistence, storage options, row level
// security, partitioning.
#include <gtest/gtest.h>

#include "table_models.h"

namespace migra::test {
namespace {

model::Table plain(std::string name = "t") { return table(std::move(name), {column("id", "integer")}); }

TEST(DiffTables, DropIsDestructiveUnderTheStrongestLock) {
  auto p = plan_of(model_of({plain()}), model_of({}));
  const auto& s = statement(p, "drop table \"public\".\"t\";");
  EXPECT_TRUE(s.destructive);
  EXPECT_EQ(s.lock, plan::Lock::access_exclusive);
  EXPECT_EQ(s.action, plan::Action::drop);
}

TEST(DiffTables, CreateIsSafe) {
  auto t = plain();
  t.comment = "it's";
  auto p = plan_of(model_of({}), model_of({t}));
  EXPECT_FALSE(p.destructive());
  EXPECT_FALSE(statement(p, "create table \"public\".\"t\" (\n    \"id\" integer\n);").rewrites_table);
  statement(p, "comment on table \"public\".\"t\" is 'it''s';");
}

TEST(DiffTables, PersistenceChangeRewritesTheTable) {
  auto unlogged = plain();
  unlogged.unlogged = true;
  auto p = plan_of(model_of({plain()}), model_of({unlogged}));
  const auto& s = statement(p, "alter table \"public\".\"t\" set unlogged;");
  EXPECT_TRUE(s.rewrites_table);
  EXPECT_FALSE(s.destructive);
  EXPECT_EQ(s.lock, plan::Lock::access_exclusive);
  EXPECT_TRUE(statement(plan_of(model_of({unlogged}), model_of({plain()})),
                        "alter table \"public\".\"t\" set logged;")
                  .rewrites_table);
}

TEST(DiffTables, StorageParametersTakeAWeakerLock) {
  auto before = plain();
  before.reloptions = {"autovacuum_enabled=false", "fillfactor=70"};
  auto after = plain();
  after.reloptions = {"fillfactor=80"};
  auto p = plan_of(model_of({before}), model_of({after}));
  ASSERT_EQ(p.statements.size(), 2u) << sql_of(p);
  const auto& set = statement(p, "alter table \"public\".\"t\" set (fillfactor=80);");
  EXPECT_EQ(set.lock, plan::Lock::share_update_exclusive);
  EXPECT_FALSE(set.rewrites_table);
  EXPECT_FALSE(set.destructive);
  EXPECT_EQ(statement(p, "alter table \"public\".\"t\" reset (autovacuum_enabled);").lock,
            plan::Lock::share_update_exclusive);
}

TEST(DiffTables, RowLevelSecurityAndReplicaIdentity) {
  auto after = plain();
  after.rls_enabled = true;
  after.rls_forced = true;
  after.replica_identity = "full";
  auto p = plan_of(model_of({plain()}), model_of({after}));
  for (const char* sql : {"alter table \"public\".\"t\" enable row level security;",
                          "alter table \"public\".\"t\" force row level security;",
                          "alter table \"public\".\"t\" replica identity full;"}) {
    const auto& s = statement(p, sql);
    EXPECT_FALSE(s.destructive) << sql;
    EXPECT_FALSE(s.rewrites_table) << sql;
    EXPECT_EQ(s.lock, plan::Lock::access_exclusive) << sql;
  }
}

TEST(DiffTables, SwitchingToPartitionedRecreatesWithConstraints) {
  auto partitioned = plain();
  partitioned.partitioned = true;
  partitioned.partition_key = "RANGE (id)";
  auto pk = constraint("t", "t_pkey", "primary key", "PRIMARY KEY (id)", {"id"});
  auto p = plan_of(model_of({plain()}, {pk}), model_of({partitioned}, {pk}));
  int drop = position(p, "drop table \"public\".\"t\";");
  int create = position(p, "create table \"public\".\"t\" (\n    \"id\" integer\n) partition by RANGE (id);");
  int add_pk = position(p, "alter table \"public\".\"t\" add constraint \"t_pkey\" PRIMARY KEY (id);");
  ASSERT_GE(drop, 0) << sql_of(p);
  EXPECT_LT(drop, create);
  EXPECT_LT(create, add_pk);
  // The constraint went with the table: no separate drop.
  EXPECT_EQ(position(p, "alter table \"public\".\"t\" drop constraint \"t_pkey\";"), -1);
  EXPECT_TRUE(p.destructive());
}

model::Table partitioned_parent() {
  auto t = plain("p");
  t.partitioned = true;
  t.partition_key = "RANGE (id)";
  return t;
}

model::Table partition(std::string name, std::string bound) {
  auto t = plain(std::move(name));
  t.partition_of = "\"public\".\"p\"";
  t.partition_bound = std::move(bound);
  t.columns[0].inherited = true;
  return t;
}

TEST(DiffTables, PartitionsTradeBoundsDetachingFirst) {
  auto p = plan_of(
      model_of({partitioned_parent(), partition("a", "FOR VALUES FROM (0) TO (10)"),
                partition("b", "FOR VALUES FROM (10) TO (20)")}),
      model_of({partitioned_parent(), partition("a", "FOR VALUES FROM (10) TO (20)"),
                partition("b", "FOR VALUES FROM (0) TO (10)")}));
  ASSERT_EQ(p.statements.size(), 4u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql, "alter table \"public\".\"p\" detach partition \"public\".\"a\";");
  EXPECT_EQ(p.statements[1].sql, "alter table \"public\".\"p\" detach partition \"public\".\"b\";");
  EXPECT_FALSE(p.destructive());
  for (const auto& s : p.statements) EXPECT_EQ(s.lock, plan::Lock::access_exclusive) << s.sql;
}

TEST(DiffTables, DetachedPartitionDropsWhatItNoLongerInherits) {
  auto check = constraint("p", "p_id", "check", "CHECK ((id > 0))", {"id"});
  auto copy = constraint("a", "p_id", "check", "CHECK ((id > 0))", {"id"});
  copy.inherited = true;
  auto p = plan_of(model_of({partitioned_parent(), partition("a", "FOR VALUES FROM (0) TO (10)")},
                            {check, copy}),
                   model_of({partitioned_parent(), plain("a")}, {check}));
  int detach = position(p, "alter table \"public\".\"p\" detach partition \"public\".\"a\";");
  int drop = position(p, "alter table \"public\".\"a\" drop constraint \"p_id\";");
  ASSERT_GE(detach, 0) << sql_of(p);
  EXPECT_LT(detach, drop);
}

TEST(DiffTables, AttachedTableGetsTheParentsCheckFirst) {
  auto check = constraint("p", "p_id", "check", "CHECK ((id > 0))", {"id"});
  auto copy = constraint("a", "p_id", "check", "CHECK ((id > 0))", {"id"});
  copy.inherited = true;
  auto p = plan_of(model_of({partitioned_parent(), plain("a")}, {check}),
                   model_of({partitioned_parent(), partition("a", "FOR VALUES FROM (0) TO (10)")},
                            {check, copy}));
  int add = position(p, "alter table \"public\".\"a\" add constraint \"p_id\" CHECK ((id > 0)) not valid;");
  int attach = position(p, "alter table \"public\".\"p\" attach partition \"public\".\"a\" FOR VALUES FROM (0) TO (10);");
  ASSERT_GE(add, 0) << sql_of(p);
  EXPECT_LT(add, attach);
}

}  // namespace
}  // namespace migra::test

namespace migra::test {
namespace {

TEST(DiffTables, NewPartitionGetsItsOwnDefaultAfterTheParents) {
  auto parent = partitioned_parent();
  parent.columns[0].default_ = "1";
  auto child = partition("a", "FOR VALUES IN (1)");
  child.columns[0].default_ = "2";
  child.columns[0].not_null = true;
  auto p = plan_of(model_of({parent}), model_of({parent, child}));
  ASSERT_EQ(p.statements.size(), 3u) << sql_of(p);
  EXPECT_EQ(p.statements[0].sql,
            "create table \"public\".\"a\" partition of \"public\".\"p\" FOR VALUES IN (1);");
  EXPECT_EQ(p.statements[1].sql, "alter table \"public\".\"a\" alter column \"id\" set default 2;");
  EXPECT_EQ(p.statements[2].sql, "alter table \"public\".\"a\" alter column \"id\" set not null;");
}

}  // namespace
}  // namespace migra::test
