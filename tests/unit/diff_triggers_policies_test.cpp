// Hazards and statement order of the trigger and policy differs, on hand-built models.
#include <gtest/gtest.h>

#include "diff/diff.h"

namespace migra::diff {
namespace {

model::Table table(const std::string& type) {
  model::Table t;
  t.schema = "public";
  t.name = "t";
  t.owner = "o";
  for (const char* name : {"id", "n"}) {
    model::Column c;
    c.name = name;
    c.type = type;
    t.columns.push_back(c);
  }
  return t;
}

model::Policy policy(const std::string& name, std::vector<std::string> columns) {
  model::Policy p;
  p.schema = "public";
  p.table = "t";
  p.name = name;
  p.command = "all";
  p.roles = {"public"};
  p.using_ = "(n > 0)";
  p.columns = std::move(columns);
  return p;
}

model::Trigger trigger(const std::string& name, std::vector<std::string> columns) {
  model::Trigger t;
  t.schema = "public";
  t.table = "t";
  t.name = name;
  t.definition = "CREATE TRIGGER " + name + " BEFORE UPDATE ON public.t FOR EACH ROW EXECUTE FUNCTION f()";
  t.enabled = "origin";
  t.function = "\"public\".\"f\"()";
  t.columns = std::move(columns);
  return t;
}

size_t index_of(const plan::Plan& p, const std::string& prefix) {
  for (size_t i = 0; i < p.statements.size(); ++i) {
    if (p.statements[i].sql.rfind(prefix, 0) == 0) return i;
  }
  ADD_FAILURE() << "no statement starts with " << prefix;
  return p.statements.size();
}

bool has(const plan::Plan& p, const std::string& prefix) {
  for (const auto& s : p.statements) {
    if (s.sql.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

TEST(DiffPolicies, AlterPolicyIsNotDestructive) {
  model::Model a, b;
  a.tables = b.tables = {table("integer")};
  a.policies = {policy("p", {"n"})};
  b.policies = a.policies;
  b.policies[0].using_ = "(n > 1)";
  b.policies[0].roles = {"r"};
  auto plan = diff(a, b, {});
  ASSERT_EQ(plan.statements.size(), 1u);
  EXPECT_EQ(plan.statements[0].sql, "alter policy \"p\" on \"public\".\"t\" to \"r\" using ((n > 1));");
  EXPECT_FALSE(plan.destructive());
}

TEST(DiffPolicies, CommandChangeRecreates) {
  model::Model a, b;
  a.tables = b.tables = {table("integer")};
  a.policies = {policy("p", {"n"})};
  b.policies = a.policies;
  b.policies[0].command = "select";
  auto plan = diff(a, b, {});
  EXPECT_TRUE(plan.destructive());
  EXPECT_LT(index_of(plan, "drop policy if exists \"p\""), index_of(plan, "create policy \"p\""));
}

TEST(DiffPolicies, PolicyUsingARetypedColumnIsRecreatedAroundTheChange) {
  model::Model a, b;
  a.tables = {table("integer")};
  b.tables = {table("bigint")};
  a.policies = {policy("p", {"n"}), policy("q", {})};
  b.policies = a.policies;
  auto plan = diff(a, b, {});
  auto drop = index_of(plan, "drop policy if exists \"p\"");
  auto alter = index_of(plan, "alter table \"public\".\"t\" alter column \"n\" set data type bigint");
  auto create = index_of(plan, "create policy \"p\"");
  EXPECT_LT(drop, alter);
  EXPECT_LT(alter, create);
  // A policy that uses no changed column stays as it is.
  EXPECT_FALSE(has(plan, "drop policy if exists \"q\""));
}

TEST(DiffTriggers, TriggerNamingARetypedColumnIsRecreatedAroundTheChange) {
  model::Model a, b;
  a.tables = {table("integer")};
  b.tables = {table("bigint")};
  a.triggers = {trigger("uses_n", {"n"}), trigger("plain", {})};
  b.triggers = a.triggers;
  auto plan = diff(a, b, {});
  auto drop = index_of(plan, "drop trigger if exists \"uses_n\"");
  auto alter = index_of(plan, "alter table \"public\".\"t\" alter column \"n\" set data type bigint");
  auto create = index_of(plan, "CREATE TRIGGER uses_n");
  EXPECT_LT(drop, alter);
  EXPECT_LT(alter, create);
  EXPECT_FALSE(has(plan, "drop trigger if exists \"plain\""));
}

TEST(DiffTriggers, EnabledStateIsAnAlter) {
  model::Model a, b;
  a.tables = b.tables = {table("integer")};
  a.triggers = {trigger("x", {})};
  b.triggers = a.triggers;
  b.triggers[0].enabled = "replica";
  auto plan = diff(a, b, {});
  ASSERT_EQ(plan.statements.size(), 1u);
  EXPECT_EQ(plan.statements[0].sql, "alter table \"public\".\"t\" enable replica trigger \"x\";");
  EXPECT_FALSE(plan.destructive());
}

}  // namespace
}  // namespace migra::diff
