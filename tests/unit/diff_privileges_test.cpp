// Grants, owners and default privileges, on hand-built models.
#include <gtest/gtest.h>

#include <algorithm>

#include "diff/common.h"
#include "diff/diff.h"

namespace migra::diff {
namespace {

model::Table table(const std::string& owner, model::Acl acl = {}) {
  model::Table t;
  t.schema = "public";
  t.name = "t";
  t.owner = owner;
  t.acl = acl.empty() ? default_acl('r', owner) : std::move(acl);
  return t;
}

std::vector<std::string> sql_of(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& s : p.statements) out.push_back(s.sql);
  return out;
}

DiffOptions with_privileges() {
  DiffOptions o;
  o.with_privileges = true;
  return o;
}

TEST(DiffPrivileges, IgnoredWithoutTheFlag) {
  model::Model a, b;
  a.tables = {table("o")};
  b.tables = {table("p", {{"r", "SELECT", false}})};
  EXPECT_TRUE(diff(a, b, {}).empty());
}

TEST(DiffPrivileges, OwnerChangeCarriesTheOwnersPrivileges) {
  model::Model a, b;
  auto other = model::Grant{"r", "SELECT", false};
  auto with_other = [&](const std::string& owner) {
    auto acl = default_acl('r', owner);
    acl.push_back(other);
    std::sort(acl.begin(), acl.end());
    return acl;
  };
  a.tables = {table("o", with_other("o"))};
  b.tables = {table("p", with_other("p"))};
  EXPECT_EQ(sql_of(diff(a, b, with_privileges())),
            (std::vector<std::string>{"alter table \"public\".\"t\" owner to \"p\";"}));
}

TEST(DiffPrivileges, RevokesFromTheNewOwnerComeAfterTheOwnerChange) {
  model::Model a, b;
  a.tables = {table("o")};
  auto acl = default_acl('r', "p");
  acl.erase(std::remove_if(acl.begin(), acl.end(),
                           [](const model::Grant& g) { return g.privilege != "SELECT"; }),
            acl.end());
  b.tables = {table("p", acl)};
  auto sql = sql_of(diff(a, b, with_privileges()));
  ASSERT_EQ(sql.size(), 7u);
  EXPECT_EQ(sql[0], "alter table \"public\".\"t\" owner to \"p\";");
  EXPECT_EQ(sql[1], "revoke delete on table \"public\".\"t\" from \"p\";");
}

TEST(DiffPrivileges, NewObjectsOwnedByAnotherRoleGetTheirOwner) {
  model::Model a, b;
  a.current_user = "runner";
  b.tables = {table("p")};
  auto sql = sql_of(diff(a, b, with_privileges()));
  ASSERT_EQ(sql.size(), 2u);
  EXPECT_EQ(sql[1], "alter table \"public\".\"t\" owner to \"p\";");
  b.tables = {table("runner")};
  EXPECT_EQ(diff(a, b, with_privileges()).statements.size(), 1u);
}

TEST(DiffPrivileges, DefaultPrivilegesAgainstTheBuiltInDefaults) {
  model::Model a, b;
  model::DefaultPrivilege d;
  d.role = "o";
  d.object_type = "functions";
  d.acl = {{"o", "EXECUTE", false}};  // PUBLIC's EXECUTE revoked
  b.default_privileges = {d};
  EXPECT_TRUE(diff(a, b, {}).empty());
  EXPECT_EQ(sql_of(diff(a, b, with_privileges())),
            (std::vector<std::string>{
                "alter default privileges for role \"o\" revoke execute on functions from public;"}));
  EXPECT_EQ(sql_of(diff(b, a, with_privileges())),
            (std::vector<std::string>{
                "alter default privileges for role \"o\" grant execute on functions to public;"}));
}

}  // namespace
}  // namespace migra::diff
