// Catalog rows as plain columns (catalog/catalog_columns.h): real query results from
// PostgreSQL into model structs, and every way a query can fail to match its model.
#include <gtest/gtest.h>

#include "catalog/catalog_columns.h"
#include "model/sequence.h"
#include "model/schema.h"
#include "model/table.h"
#include "support/test_cluster.h"
#include "util/error.h"

namespace migra::test {
namespace {

class CatalogColumnsTest : public ::testing::Test {
 protected:
  pqxx::result query(const std::string& sql) {
    pqxx::work tx(*conn_);
    auto r = tx.exec(sql);
    tx.commit();
    return r;
  }

  // The message of the internal error reading the first row of `sql` into a T.
  template <typename T>
  std::string error_of(const std::string& sql, std::vector<std::string_view> extra = {},
                       std::vector<std::string_view> absent = {}) {
    auto r = query(sql);
    try {
      catalog::CatalogColumns<T> columns(r, "probe", extra, absent);
      T out;
      columns.read(reader_, r[0], out);
    } catch (const Error& e) {
      return e.what();
    }
    return "no error";
  }

  TestDatabase db_;
  std::unique_ptr<pqxx::connection> conn_ = db_.connect();
  model::JsonReader reader_;
};

TEST_F(CatalogColumnsTest, ScalarsOptionalsListsAndStructsInAnyColumnOrder) {
  auto r = query(R"(
    select '{"data_type": "integer", "start": 5, "increment": -1, "min": -9223372036854775808,
             "max": 9223372036854775807, "cache": 20, "cycle": true}'::json as "options",
           'app' as "schema", 'seq' as "name", true as "unlogged",
           null::text as "owned_by_table", null::text as "owned_by_column",
           false as "identity", 'alice' as "owner", 'it''s "quoted"' as "comment",
           '[{"grantee": "PUBLIC", "privilege": "SELECT", "grantable": false}]'::jsonb as "acl",
           null::name as "extension")");
  catalog::CatalogColumns<model::Sequence> columns(r, "sequences");
  model::Sequence s;
  s.owned_by_table = "stale";
  columns.read(reader_, r[0], s);
  EXPECT_EQ(s.schema, "app");
  EXPECT_EQ(s.name, "seq");
  EXPECT_TRUE(s.unlogged);
  EXPECT_EQ(s.owned_by_table, std::nullopt);
  EXPECT_EQ(s.owner, "alice");
  EXPECT_EQ(s.comment, "it's \"quoted\"");
  EXPECT_EQ(s.options.data_type, "integer");
  EXPECT_EQ(s.options.start, 5);
  EXPECT_EQ(s.options.increment, -1);
  EXPECT_EQ(s.options.min, INT64_MIN);
  EXPECT_EQ(s.options.max, INT64_MAX);
  EXPECT_TRUE(s.options.cycle);
  ASSERT_EQ(s.acl.size(), 1u);
  EXPECT_EQ(s.acl[0].grantee, "PUBLIC");
  EXPECT_EQ(s.extension, std::nullopt);
}

TEST_F(CatalogColumnsTest, ExtraColumnsAreTheCallersAndAbsentFieldsAreLeftAlone) {
  auto r = query(R"(
    select 'app' as "schema", 't' as "table", 3 as "position", 'id' as "name",
           'bigint' as "type", true as "not_null", null as "default_", null as "collation",
           'always' as "identity",
           '{"data_type": "bigint", "start": 1, "increment": 1, "min": 1,
             "max": 9223372036854775807, "cache": 1, "cycle": false}'::json
             as "identity_options",
           null as "generated", false as "inherited", null as "comment", '[]'::json as "acl",
           null as "type_key", '["\"app\".\"s\""]'::json as "depends_on")");
  catalog::CatalogColumns<model::Column> columns(r, "table_columns",
                                                 {"schema", "table", "position"});
  EXPECT_EQ(r[0][columns.column_of("position")].as<int>(), 3);
  EXPECT_EQ(columns.column_of("nope"), -1);
  model::Column c;
  columns.read(reader_, r[0], c);
  EXPECT_EQ(c.name, "id");
  EXPECT_TRUE(c.not_null);
  ASSERT_TRUE(c.identity_options);
  EXPECT_EQ(c.identity_options->max, INT64_MAX);
  EXPECT_EQ(c.depends_on, std::vector<std::string>{"\"app\".\"s\""});

  EXPECT_EQ(error_of<model::Schema>("select 'app' as \"name\", 'o' as \"owner\"", {},
                                    {"comment", "acl", "extension"}),
            "no error");
}

TEST_F(CatalogColumnsTest, EveryMismatchIsAnInternalErrorNamingQueryAndColumn) {
  const std::string prefix = "internal error: catalog query 'probe' does not match its model: ";
  const std::string good_rest =
      ", null::text as \"comment\", '[]'::json as \"acl\", null::text as \"extension\"";
  EXPECT_EQ(error_of<model::Schema>("select 'a' as \"name\", 'o' as \"owner\"" + good_rest),
            "no error");
  EXPECT_EQ(error_of<model::Schema>("select 'a' as \"name\", 'o' as \"ownr\"" + good_rest),
            prefix + "unknown column 'ownr'");
  EXPECT_EQ(error_of<model::Schema>("select 'a' as \"name\"" + good_rest),
            prefix + "missing column 'owner'");
  EXPECT_EQ(error_of<model::Schema>("select 'a' as \"name\", 'a' as \"name\", 'o' as \"owner\"" +
                                    good_rest),
            prefix + "duplicate column 'name'");
  EXPECT_EQ(error_of<model::Schema>("select 'a' as \"name\", null::text as \"owner\"" +
                                    good_rest),
            prefix + "column 'owner' is null, and its field is not optional");
  EXPECT_EQ(error_of<model::Schema>("select 'a' as \"name\", '\"o\"'::json as \"owner\"" +
                                    good_rest),
            prefix + "column 'owner' is json, and its field is not a list or a struct");
  EXPECT_EQ(error_of<model::Schema>(
                "select 'a' as \"name\", 'o' as \"owner\", null::text as \"comment\", "
                "'[]' as \"acl\", null::text as \"extension\""),
            prefix + "column 'acl' is not json, and its field is a list or a struct");
  EXPECT_EQ(error_of<model::Schema>(
                "select 'a' as \"name\", 'o' as \"owner\", null::text as \"comment\", "
                "'[{\"grantee\": 1}]'::json as \"acl\", null::text as \"extension\""),
            prefix + "column 'acl' holds JSON that does not fit: key '[0].grantee' is an "
                     "integer, not a string");
  EXPECT_EQ(error_of<model::Grant>("select 'g' as grantee, 'p' as privilege, 1 as grantable"),
            prefix + "column 'grantable' is '1', not a boolean");
  EXPECT_EQ(error_of<model::SequenceOptions>(
                "select 'int' as data_type, 1 as start, 1 as increment, 1 as min, "
                "'99999999999999999999'::numeric as max, 1 as cache, false as cycle"),
            prefix + "column 'max' is '99999999999999999999', not a number its field holds");
  EXPECT_EQ(error_of<model::Column>("select 'x' as \"name\"", {"position"}),
            prefix + "missing column 'type'");
}

}  // namespace
}  // namespace migra::test
