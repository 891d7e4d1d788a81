// Ordering a plan: dependency edges first, then (phase, generation order); cycles broken
// at the earliest waiting statement; statements that decorate one object don't wait on
// each other.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "plan/order.h"

namespace migra::test {
namespace {

plan::Statement make(std::string sql, plan::Phase phase, plan::Action action = plan::Action::create,
                     std::string node = {}, std::vector<std::string> requires_nodes = {}) {
  plan::Statement s;
  s.sql = std::move(sql);
  s.phase = phase;
  s.action = action;
  s.node = std::move(node);
  s.requires_nodes = std::move(requires_nodes);
  return s;
}

std::vector<std::string> sqls(const std::vector<plan::Statement>& statements) {
  std::vector<std::string> out;
  for (const auto& s : statements) out.push_back(s.sql);
  return out;
}

TEST(PlanOrder, UnrelatedStatementsGoByPhaseThenGenerationOrder) {
  std::vector<plan::Statement> in{make("c", plan::Phase::create_view),
                                  make("a", plan::Phase::create_schema),
                                  make("b", plan::Phase::create_view)};
  EXPECT_EQ(sqls(plan::order_statements(in)), (std::vector<std::string>{"a", "c", "b"}));
}

TEST(PlanOrder, WhatANodeNeedsComesFirstWhateverItsPhase) {
  std::vector<plan::Statement> in{
      make("view", plan::Phase::create_schema, plan::Action::create, "view:v", {"table:t", "table:t"}),
      make("table", plan::Phase::create_table, plan::Action::create, "table:t")};
  EXPECT_EQ(sqls(plan::order_statements(in)), (std::vector<std::string>{"table", "view"}));
}

TEST(PlanOrder, ReleasersGoBeforeTheDropAndTheDropBeforeTheRecreation) {
  auto drop = make("drop t", plan::Phase::create_schema, plan::Action::drop, "table:t");
  auto create = make("create t", plan::Phase::create_schema, plan::Action::create, "table:t");
  auto release = make("drop v", plan::Phase::drop_schema, plan::Action::drop, "view:v");
  release.releases_nodes = {"table:t"};
  std::vector<plan::Statement> in{create, drop, release};
  EXPECT_EQ(sqls(plan::order_statements(in)),
            (std::vector<std::string>{"drop v", "drop t", "create t"}));
}

TEST(PlanOrder, ACycleReleasesTheEarliestWaitingStatement) {
  std::vector<plan::Statement> in{
      make("x", plan::Phase::create_view, plan::Action::create, "view:x", {"view:y"}),
      make("y", plan::Phase::create_table, plan::Action::create, "view:y", {"view:x"}),
      make("z", plan::Phase::create_table, plan::Action::create, "view:z", {"view:y"})};
  // y has the earlier phase: it is released, then x and z follow by phase.
  EXPECT_EQ(sqls(plan::order_statements(in)), (std::vector<std::string>{"y", "z", "x"}));
}

TEST(PlanOrder, DecorationsOfOneObjectDoNotWaitOnEachOther) {
  auto comment = make("comment", plan::Phase::comment, plan::Action::alter, "table:t", {"table:t"});
  auto grant = make("grant", plan::Phase::grant, plan::Action::alter, "table:t", {"table:t"});
  auto create = make("create", plan::Phase::create_table, plan::Action::create, "table:t");
  std::vector<plan::Statement> in{comment, grant, create};
  EXPECT_EQ(sqls(plan::order_statements(in)),
            (std::vector<std::string>{"create", "grant", "comment"}));
}

TEST(PlanOrder, PrecedingStatementsComeBeforeEveryStatementOfTheNode) {
  auto alter = make("alter parent", plan::Phase::create_schema, plan::Action::alter, "table:p");
  auto detach = make("detach", plan::Phase::drop_schema, plan::Action::alter, "detach:c");
  detach.precedes_nodes = {"table:p"};
  std::vector<plan::Statement> in{alter, detach};
  EXPECT_EQ(sqls(plan::order_statements(in)), (std::vector<std::string>{"detach", "alter parent"}));
}

TEST(PlanOrder, ALongChainIsOrderedCompletely) {
  // Generated in reverse: each statement needs the one generated after it.
  std::vector<plan::Statement> in;
  const int n = 2000;
  for (int i = n - 1; i >= 0; --i) {
    std::vector<std::string> needs;
    if (i > 0) needs.push_back("view:" + std::to_string(i - 1));
    in.push_back(make(std::to_string(i), plan::Phase::create_view, plan::Action::create,
                      "view:" + std::to_string(i), needs));
  }
  auto out = sqls(plan::order_statements(in));
  ASSERT_EQ(out.size(), static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) EXPECT_EQ(out[static_cast<size_t>(i)], std::to_string(i));
}

}  // namespace
}  // namespace migra::test
