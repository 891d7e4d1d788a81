#include <gtest/gtest.h>

#include "catalog/embedded_queries.h"
#include "catalog/query_macros.h"
#include "util/error.h"

namespace migra::catalog {
namespace {

TEST(QueryMacros, ExpandsNestedMacrosAndLeavesOperatorsAlone) {
  auto sql = expand_query_macros("select @qident(x) where a @> b and @schema_filter(n.nspname)");
  EXPECT_NE(sql.find("pg_catalog.replace(x"), std::string::npos);
  EXPECT_NE(sql.find("a @> b"), std::string::npos);
  EXPECT_NE(sql.find("n.nspname <> all($2::text[])"), std::string::npos);
  EXPECT_EQ(sql.find('@', sql.find("@>") + 1), std::string::npos);
}

TEST(QueryMacros, UnknownMacroIsAnError) {
  EXPECT_THROW(expand_query_macros("select @nope(1)"), Error);
  EXPECT_THROW(expand_query_macros("select @qident(1, 2)"), Error);
}

TEST(QueryMacros, SinceChoosesByServerVersion) {
  EXPECT_EQ(expand_query_macros("select @since(150000, x.new_col, false)", 150002),
            "select x.new_col");
  EXPECT_EQ(expand_query_macros("select @since(150000, x.new_col, false)", 140011),
            "select false");
  EXPECT_EQ(expand_query_macros("select @since(150000, @qident(a), b)", 160000),
            "select ('\"' || pg_catalog.replace(a, '\"', '\"\"') || '\"')");
  EXPECT_THROW(expand_query_macros("select @since(15x, a, b)"), Error);
  EXPECT_THROW(expand_query_macros("select @since(150000, a)"), Error);
}

TEST(QueryMacros, BlocksKeptInTheirTextModeOnly) {
  const std::string sql = "with a as (x)@printing{, b as (y, @qident(z))} select @deferring{1}";
  EXPECT_EQ(expand_query_macros(sql, 150000, TextMode::printing),
            "with a as (x), b as (y, ('\"' || pg_catalog.replace(z, '\"', '\"\"') || '\"')) "
            "select ");
  EXPECT_EQ(expand_query_macros(sql, 150000, TextMode::deferring), "with a as (x) select 1");
  EXPECT_THROW(expand_query_macros("select @printing{1"), Error);
  EXPECT_THROW(expand_query_macros("select @nope{1}"), Error);
}

TEST(EmbeddedQueries, EveryQueryExpands) {
  for (const auto& [name, sql] : embedded_queries()) {
    EXPECT_NO_THROW(expand_query_macros(sql)) << name;
    EXPECT_NO_THROW(expand_query_macros(sql, kNewestServerVersion, TextMode::deferring)) << name;
  }
}

TEST(EmbeddedQueries, EveryKindHasOneQuery) {
  EXPECT_EQ(&query_for("tables"), &embedded_queries().at("tables"));
  EXPECT_THROW(query_for("no_such_kind"), Error);
}

// What older servers lack is left out where the query reads it.
TEST(EmbeddedQueries, OlderServersGetTheirOwnColumns) {
  auto triggers = [](int version) { return expand_query_macros(query_for("triggers"), version); };
  EXPECT_NE(triggers(150000).find("t.tgparentid"), std::string::npos);
  EXPECT_EQ(triggers(120000).find("t.tgparentid"), std::string::npos);
  auto collations = [](int version) {
    return expand_query_macros(query_for("collations"), version);
  };
  EXPECT_NE(collations(150000).find("co.colliculocale"), std::string::npos);
  EXPECT_EQ(collations(140000).find("co.colliculocale"), std::string::npos);
}

TEST(QueryMacros, DependencyKeysJoinsOncePerQuery) {
  auto sql = expand_query_macros("left join @dependency_keys(d.classid = 1 and d.x in (1, 2)) k");
  EXPECT_NE(sql.find("where d.deptype = 'n' and (d.classid = 1 and d.x in (1, 2))"),
            std::string::npos);
  EXPECT_NE(sql.find("group by d.objid)"), std::string::npos);
  EXPECT_NE(sql.find("okc.relname"), std::string::npos);  // the keys: @object_key
}

}  // namespace
}  // namespace migra::catalog
