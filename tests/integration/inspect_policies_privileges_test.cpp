// Inspection of row level security policies and default privileges, field by field.
#include <gtest/gtest.h>

#include "support/test_cluster.h"

namespace migra::test {
namespace {

template <typename T>
const T& find(const std::vector<T>& objects, const std::string& key) {
  for (const auto& o : objects) {
    if (o.key() == key) return o;
  }
  throw std::runtime_error("not inspected: " + key);
}

template <typename T>
std::vector<std::string> keys(const std::vector<T>& objects) {
  std::vector<std::string> out;
  for (const auto& o : objects) out.push_back(o.key());
  return out;
}

using Roles = std::vector<std::string>;

TEST(InspectPolicies, EveryCommandRolesExpressionsComments) {
  TestDatabase db;
  db.load(R"(
    create schema s;
    create table s.docs (id int, owner text, published bool);
    alter table s.docs enable row level security;
    create policy p_all on s.docs using (owner = current_user);
    create policy p_select on s.docs for select to public using (published);
    create policy p_insert on s.docs for insert to schemainspect_test_role, postgres
      with check (id > 0);
    create policy p_update on s.docs as permissive for update to current_user
      using (owner = current_user) with check (owner = current_user and id > 0);
    create policy p_delete on s.docs as restrictive for delete to postgres using (not published);
    create policy "Odd ""name""" on s.docs as restrictive to schemainspect_test_role
      with check (true);
    comment on policy p_select on s.docs is 'readers see what is published';
  )");
  auto m = db.inspect();
  const std::string t = "\"s\".\"docs\".";
  EXPECT_EQ(keys(m.policies),
            (std::vector<std::string>{t + "\"Odd \"\"name\"\"\"", t + "\"p_all\"",
                                      t + "\"p_delete\"", t + "\"p_insert\"", t + "\"p_select\"",
                                      t + "\"p_update\""}));

  const auto& all = find(m.policies, t + "\"p_all\"");
  EXPECT_EQ(all.schema, "s");
  EXPECT_EQ(all.table, "docs");
  EXPECT_EQ(all.name, "p_all");
  EXPECT_EQ(all.command, "all");
  EXPECT_TRUE(all.permissive);
  EXPECT_EQ(all.roles, Roles{"public"});
  EXPECT_EQ(all.using_, "(owner = CURRENT_USER)");
  EXPECT_EQ(all.with_check, std::nullopt);
  EXPECT_EQ(all.comment, std::nullopt);

  const auto& select = find(m.policies, t + "\"p_select\"");
  EXPECT_EQ(select.command, "select");
  EXPECT_TRUE(select.permissive);
  EXPECT_EQ(select.roles, Roles{"public"});
  EXPECT_EQ(select.using_, "published");
  EXPECT_EQ(select.with_check, std::nullopt);
  EXPECT_EQ(select.comment, "readers see what is published");

  const auto& insert = find(m.policies, t + "\"p_insert\"");
  EXPECT_EQ(insert.command, "insert");
  EXPECT_EQ(insert.roles, (Roles{"postgres", "schemainspect_test_role"}));
  EXPECT_EQ(insert.using_, std::nullopt);
  EXPECT_EQ(insert.with_check, "(id > 0)");

  const auto& update = find(m.policies, t + "\"p_update\"");
  EXPECT_EQ(update.command, "update");
  EXPECT_TRUE(update.permissive);
  // CURRENT_USER is resolved when the policy is created.
  EXPECT_EQ(update.roles, Roles{cluster().superuser()});
  EXPECT_EQ(update.using_, "(owner = CURRENT_USER)");
  EXPECT_EQ(update.with_check, "((owner = CURRENT_USER) AND (id > 0))");

  const auto& del = find(m.policies, t + "\"p_delete\"");
  EXPECT_EQ(del.command, "delete");
  EXPECT_FALSE(del.permissive);
  EXPECT_EQ(del.roles, Roles{"postgres"});
  EXPECT_EQ(del.using_, "(NOT published)");
  EXPECT_EQ(del.with_check, std::nullopt);

  const auto& odd = find(m.policies, t + "\"Odd \"\"name\"\"\"");
  EXPECT_EQ(odd.name, "Odd \"name\"");
  EXPECT_EQ(odd.command, "all");
  EXPECT_FALSE(odd.permissive);
  EXPECT_EQ(odd.roles, Roles{"schemainspect_test_role"});
  EXPECT_EQ(odd.using_, std::nullopt);
  EXPECT_EQ(odd.with_check, "true");
}

TEST(InspectPolicies, SchemaFilterInsideTheQuery) {
  TestDatabase db;
  db.load(R"(
    create schema a;
    create schema b;
    create table a.t (x int);
    create table b.t (x int);
    create policy p on a.t using (x > 0);
    create policy p on b.t using (x > 0);
  )");
  EXPECT_EQ(keys(db.inspect({{"a"}, {}}).policies),
            std::vector<std::string>{"\"a\".\"t\".\"p\""});
  EXPECT_EQ(keys(db.inspect({{}, {"a"}}).policies),
            std::vector<std::string>{"\"b\".\"t\".\"p\""});
}

TEST(InspectDefaultPrivileges, PerSchemaAndGlobalAsStored) {
  TestDatabase db;
  db.load(R"(
    create schema s;
    alter default privileges in schema s
      grant select, insert on tables to schemainspect_test_role;
    alter default privileges in schema s
      grant usage on sequences to schemainspect_test_role with grant option;
    alter default privileges in schema s
      grant execute on functions to schemainspect_test_role;
    alter default privileges in schema s grant usage on types to schemainspect_test_role;
    alter default privileges revoke execute on functions from public;
    alter default privileges for role schemainspect_test_role grant usage on schemas to postgres;
    alter default privileges for role postgres revoke all on tables from postgres;
  )");
  auto m = db.inspect();
  const std::string me = "\"" + cluster().superuser() + "\"";
  EXPECT_EQ(keys(m.default_privileges),
            (std::vector<std::string>{me + ".\"s\".functions", me + ".\"s\".sequences",
                                      me + ".\"s\".tables", me + ".\"s\".types",
                                      me + ".*.functions", "\"postgres\".*.tables",
                                      "\"schemainspect_test_role\".*.schemas"}));

  const auto& tables = find(m.default_privileges, me + ".\"s\".tables");
  EXPECT_EQ(tables.role, cluster().superuser());
  EXPECT_EQ(tables.schema, "s");
  EXPECT_EQ(tables.object_type, "tables");
  // Per-schema entries only add to the global ones: the owner's rights are not stored.
  EXPECT_EQ(tables.acl, (model::Acl{{"schemainspect_test_role", "INSERT", false},
                                    {"schemainspect_test_role", "SELECT", false}}));

  const auto& sequences = find(m.default_privileges, me + ".\"s\".sequences");
  EXPECT_EQ(sequences.object_type, "sequences");
  EXPECT_EQ(sequences.acl, (model::Acl{{"schemainspect_test_role", "USAGE", true}}));

  const auto& functions = find(m.default_privileges, me + ".\"s\".functions");
  EXPECT_EQ(functions.object_type, "functions");
  EXPECT_EQ(functions.acl, (model::Acl{{"schemainspect_test_role", "EXECUTE", false}}));

  const auto& types = find(m.default_privileges, me + ".\"s\".types");
  EXPECT_EQ(types.object_type, "types");
  EXPECT_EQ(types.acl, (model::Acl{{"schemainspect_test_role", "USAGE", false}}));

  // Global entries store the whole default ACL, the owner's rights included.
  const auto& global_functions = find(m.default_privileges, me + ".*.functions");
  EXPECT_EQ(global_functions.role, cluster().superuser());
  EXPECT_EQ(global_functions.schema, std::nullopt);
  EXPECT_EQ(global_functions.acl, (model::Acl{{cluster().superuser(), "EXECUTE", false}}));

  const auto& nothing = find(m.default_privileges, "\"postgres\".*.tables");
  EXPECT_EQ(nothing.role, "postgres");
  EXPECT_EQ(nothing.schema, std::nullopt);
  EXPECT_TRUE(nothing.acl.empty());

  const auto& schemas = find(m.default_privileges, "\"schemainspect_test_role\".*.schemas");
  EXPECT_EQ(schemas.role, "schemainspect_test_role");
  EXPECT_EQ(schemas.object_type, "schemas");
  EXPECT_EQ(schemas.acl, (model::Acl{{"postgres", "USAGE", false},
                                     {"schemainspect_test_role", "CREATE", false},
                                     {"schemainspect_test_role", "USAGE", false}}));
}

TEST(InspectDefaultPrivileges, SchemaFilterKeepsGlobalEntries) {
  TestDatabase db;
  db.load(R"(
    create schema a;
    create schema b;
    alter default privileges in schema a grant select on tables to schemainspect_test_role;
    alter default privileges in schema b grant select on tables to schemainspect_test_role;
    alter default privileges grant select on tables to schemainspect_test_role;
  )");
  const std::string me = "\"" + cluster().superuser() + "\"";
  EXPECT_EQ(keys(db.inspect({{"a"}, {}}).default_privileges),
            (std::vector<std::string>{me + ".\"a\".tables", me + ".*.tables"}));
  EXPECT_EQ(keys(db.inspect({{}, {"a"}}).default_privileges),
            (std::vector<std::string>{me + ".\"b\".tables", me + ".*.tables"}));
}

}  // namespace
}  // namespace migra::test
