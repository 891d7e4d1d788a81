// Inspection of enum, domain, composite and range types, field by field.
#include <algorithm>

#include <gtest/gtest.h>

#include "catalog/catalog_columns.h"
#include "catalog/embedded_queries.h"
#include "catalog/query_macros.h"
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

// What a type gets without any GRANT: USAGE for PUBLIC and the owner.
model::Acl default_type_acl(const std::string& owner) {
  return {{"PUBLIC", "USAGE", false}, {owner, "USAGE", false}};
}

const std::string kC = "\"pg_catalog\".\"C\"";

TEST(InspectEnums, LabelsInSortOrderOwnerCommentAcl) {
  TestDatabase db;
  db.load(R"(
    create schema s;
    create type s.mood as enum ('sad', 'happy');
    alter type s.mood add value 'ok' before 'happy';
    alter type s.mood add value 'ecstatic' after 'happy';
    alter type s.mood add value 'awful' before 'sad';
    alter type s.mood add value 'meh';
    comment on type s.mood is 'how it feels';
    grant usage on type s.mood to schemainspect_test_role;
    revoke usage on type s.mood from public;
    alter type s.mood owner to postgres;
    create type s.empty as enum ();
    create type public."Odd ""enum""" as enum ('it''s', 'a b');
  )");
  auto m = db.inspect();
  EXPECT_EQ(keys(m.enums), (std::vector<std::string>{"\"public\".\"Odd \"\"enum\"\"\"",
                                                      "\"s\".\"empty\"", "\"s\".\"mood\""}));
  const auto& mood = find(m.enums, "\"s\".\"mood\"");
  EXPECT_EQ(mood.schema, "s");
  EXPECT_EQ(mood.name, "mood");
  EXPECT_EQ(mood.labels,
            (std::vector<std::string>{"awful", "sad", "ok", "happy", "ecstatic", "meh"}));
  EXPECT_EQ(mood.owner, "postgres");
  EXPECT_EQ(mood.comment, "how it feels");
  // The owner change carries the owner's own grant over to the new owner.
  EXPECT_EQ(mood.acl, (model::Acl{{"postgres", "USAGE", false},
                                  {"schemainspect_test_role", "USAGE", false}}));
  EXPECT_EQ(mood.extension, std::nullopt);

  const auto& empty = find(m.enums, "\"s\".\"empty\"");
  EXPECT_TRUE(empty.labels.empty());
  EXPECT_EQ(empty.owner, cluster().superuser());
  EXPECT_EQ(empty.comment, std::nullopt);
  EXPECT_EQ(empty.acl, default_type_acl(cluster().superuser()));

  const auto& odd = find(m.enums, "\"public\".\"Odd \"\"enum\"\"\"");
  EXPECT_EQ(odd.name, "Odd \"enum\"");
  EXPECT_EQ(odd.labels, (std::vector<std::string>{"it's", "a b"}));
}

TEST(InspectDomains, DefaultNotNullCollationAndNamedChecks) {
  TestDatabase db;
  db.load(R"(
    create schema s;
    create domain s.code as varchar(10) collate "C" default 'none' not null
      constraint b_not_blank check (value <> '')
      constraint a_upper check (value = upper(value));
    alter domain s.code add constraint c_short check (length(value) < 8) not valid;
    comment on constraint a_upper on domain s.code is 'upper case only';
    comment on domain s.code is 'a code';
    create domain s.plain as numeric(12, 2);
    create domain s.text_c as text collate "C";
    -- Inherits the collation of its base domain: nothing of its own.
    create domain s.over_domain as s.text_c check (value > 'a');
    grant usage on domain s.code to schemainspect_test_role;
    alter domain s.code owner to schemainspect_test_role;
  )");
  auto m = db.inspect();
  EXPECT_EQ(keys(m.domains),
            (std::vector<std::string>{"\"s\".\"code\"", "\"s\".\"over_domain\"",
                                      "\"s\".\"plain\"", "\"s\".\"text_c\""}));
  const auto& code = find(m.domains, "\"s\".\"code\"");
  EXPECT_EQ(code.schema, "s");
  EXPECT_EQ(code.name, "code");
  EXPECT_EQ(code.base_type, "character varying(10)");
  EXPECT_EQ(code.default_, "'none'::character varying");
  EXPECT_TRUE(code.not_null);
  EXPECT_EQ(code.collation, kC);
  ASSERT_EQ(code.constraints.size(), 3u);
  EXPECT_EQ(code.constraints[0].name, "a_upper");
  EXPECT_EQ(code.constraints[0].definition, "CHECK (((VALUE)::text = upper((VALUE)::text)))");
  EXPECT_TRUE(code.constraints[0].validated);
  EXPECT_EQ(code.constraints[0].comment, "upper case only");
  EXPECT_EQ(code.constraints[1].name, "b_not_blank");
  EXPECT_EQ(code.constraints[1].definition, "CHECK (((VALUE)::text <> ''::text))");
  EXPECT_TRUE(code.constraints[1].validated);
  EXPECT_EQ(code.constraints[1].comment, std::nullopt);
  EXPECT_EQ(code.constraints[2].name, "c_short");
  EXPECT_EQ(code.constraints[2].definition, "CHECK ((length((VALUE)::text) < 8)) NOT VALID");
  EXPECT_FALSE(code.constraints[2].validated);
  EXPECT_EQ(code.owner, "schemainspect_test_role");
  EXPECT_EQ(code.comment, "a code");
  EXPECT_EQ(code.acl, (model::Acl{{"PUBLIC", "USAGE", false},
                                  {"schemainspect_test_role", "USAGE", false}}));
  EXPECT_EQ(code.extension, std::nullopt);

  const auto& plain = find(m.domains, "\"s\".\"plain\"");
  EXPECT_EQ(plain.base_type, "numeric(12,2)");
  EXPECT_EQ(plain.default_, std::nullopt);
  EXPECT_FALSE(plain.not_null);
  EXPECT_EQ(plain.collation, std::nullopt);
  EXPECT_TRUE(plain.constraints.empty());
  EXPECT_EQ(plain.owner, cluster().superuser());
  EXPECT_EQ(plain.comment, std::nullopt);
  EXPECT_EQ(plain.acl, default_type_acl(cluster().superuser()));

  EXPECT_EQ(find(m.domains, "\"s\".\"text_c\"").collation, kC);
  const auto& over = find(m.domains, "\"s\".\"over_domain\"");
  EXPECT_EQ(over.base_type, "s.text_c");
  EXPECT_EQ(over.collation, std::nullopt);
  ASSERT_EQ(over.constraints.size(), 1u);
  EXPECT_EQ(over.constraints[0].name, "over_domain_check");
  // VALUE is of the domain type, cast down to text.
  EXPECT_EQ(over.constraints[0].definition, "CHECK (((VALUE)::text > 'a'::text))");
}

TEST(InspectDomains, DefaultIsDeparsedNowNotAsCreated) {
  TestDatabase db;
  // pg_type.typdefault keeps the text of creation time; the model must not.
  db.load(R"(
    create schema s;
    create sequence s.q;
    set search_path = s;
    create domain s.id as bigint default nextval('q');
    reset search_path;
    alter sequence s.q rename to q2;
  )");
  auto m = db.inspect();
  EXPECT_EQ(find(m.domains, "\"s\".\"id\"").default_, "nextval('s.q2'::regclass)");
}

TEST(InspectCompositeTypes, AttributesWithCollationsAndComments) {
  TestDatabase db;
  db.load(R"(
    create schema s;
    create type s.address as (
      street text,
      code varchar(8) collate "C",
      "Number" int,
      dropped int,
      tags text[]
    );
    alter type s.address drop attribute dropped;
    comment on type s.address is 'where';
    comment on column s.address.street is 'the street';
    grant usage on type s.address to schemainspect_test_role;
    alter type s.address owner to postgres;
    create type s.nothing as ();
    -- Row types of relations are not composite types of their own.
    create table s.t (a int);
    create view s.v as select 1 as one;
    create materialized view s.mv as select 1 as one;
    create sequence s.seq;
  )");
  auto m = db.inspect();
  EXPECT_EQ(keys(m.composite_types),
            (std::vector<std::string>{"\"s\".\"address\"", "\"s\".\"nothing\""}));
  const auto& a = find(m.composite_types, "\"s\".\"address\"");
  EXPECT_EQ(a.schema, "s");
  EXPECT_EQ(a.name, "address");
  ASSERT_EQ(a.attributes.size(), 4u);
  EXPECT_EQ(a.attributes[0].name, "street");
  EXPECT_EQ(a.attributes[0].type, "text");
  EXPECT_EQ(a.attributes[0].collation, std::nullopt);
  EXPECT_EQ(a.attributes[0].comment, "the street");
  EXPECT_EQ(a.attributes[1].name, "code");
  EXPECT_EQ(a.attributes[1].type, "character varying(8)");
  EXPECT_EQ(a.attributes[1].collation, kC);
  EXPECT_EQ(a.attributes[1].comment, std::nullopt);
  EXPECT_EQ(a.attributes[2].name, "Number");
  EXPECT_EQ(a.attributes[2].type, "integer");
  EXPECT_EQ(a.attributes[3].name, "tags");
  EXPECT_EQ(a.attributes[3].type, "text[]");
  EXPECT_EQ(a.attributes[3].collation, std::nullopt);
  EXPECT_EQ(a.owner, "postgres");
  EXPECT_EQ(a.comment, "where");
  EXPECT_EQ(a.acl, (model::Acl{{"PUBLIC", "USAGE", false},
                               {"postgres", "USAGE", false},
                               {"schemainspect_test_role", "USAGE", false}}));
  EXPECT_EQ(a.extension, std::nullopt);

  const auto& nothing = find(m.composite_types, "\"s\".\"nothing\"");
  EXPECT_TRUE(nothing.attributes.empty());
  EXPECT_EQ(nothing.owner, cluster().superuser());
  EXPECT_EQ(nothing.acl, default_type_acl(cluster().superuser()));
}

TEST(InspectRangeTypes, SubtypeOptionsAndMultirange) {
  TestDatabase db;
  db.load(R"(
    create schema s;
    create schema other;
    create type s.floatrange as range (subtype = float8, subtype_diff = float8mi);
    create type s.textrange_c as range (subtype = text, collation = "C",
                                        multirange_type_name = other.texts_c);
    create type s.textrange as range (subtype = text);
    create type s.span as range (subtype = date);
    create type s.patternrange as range (subtype = text, subtype_opclass = text_pattern_ops);
    -- Naming the default opclass is the same as not naming it.
    create type s.defaultops as range (subtype = text, subtype_opclass = text_ops);
    -- Default opclasses found through the base type, binary coercion and anyenum.
    create domain s.posint as int check (value > 0);
    create type s.posrange as range (subtype = s.posint);
    create type s.varcharrange as range (subtype = varchar);
    create type s.color as enum ('red', 'green');
    create type s.colorrange as range (subtype = s.color);
    -- A canonical function has to exist before its range type: declare a shell first.
    create type s.intrange;
    create function s.intrange_canonical(s.intrange) returns s.intrange
      language internal immutable strict as 'int4range_canonical';
    create type s.intrange as range (subtype = int4, canonical = s.intrange_canonical);
    comment on type s.floatrange is 'floats';
    grant usage on type s.floatrange to schemainspect_test_role;
    alter type s.floatrange owner to schemainspect_test_role;
  )");
  auto m = db.inspect();
  // Multiranges, arrays and the enum are not range types.
  EXPECT_EQ(keys(m.range_types),
            (std::vector<std::string>{"\"s\".\"colorrange\"", "\"s\".\"defaultops\"",
                                      "\"s\".\"floatrange\"", "\"s\".\"intrange\"",
                                      "\"s\".\"patternrange\"", "\"s\".\"posrange\"",
                                      "\"s\".\"span\"", "\"s\".\"textrange\"",
                                      "\"s\".\"textrange_c\"", "\"s\".\"varcharrange\""}));
  const auto& f = find(m.range_types, "\"s\".\"floatrange\"");
  EXPECT_EQ(f.schema, "s");
  EXPECT_EQ(f.name, "floatrange");
  EXPECT_EQ(f.subtype, "double precision");
  EXPECT_EQ(f.subtype_opclass, std::nullopt);
  EXPECT_EQ(f.collation, std::nullopt);
  EXPECT_EQ(f.canonical, std::nullopt);
  EXPECT_EQ(f.subtype_diff, "\"pg_catalog\".\"float8mi\"(double precision, double precision)");
  EXPECT_EQ(f.multirange, "\"s\".\"floatmultirange\"");
  EXPECT_EQ(f.owner, "schemainspect_test_role");
  EXPECT_EQ(f.comment, "floats");
  EXPECT_EQ(f.acl, (model::Acl{{"PUBLIC", "USAGE", false},
                               {"schemainspect_test_role", "USAGE", false}}));
  EXPECT_EQ(f.extension, std::nullopt);

  const auto& tc = find(m.range_types, "\"s\".\"textrange_c\"");
  EXPECT_EQ(tc.subtype, "text");
  EXPECT_EQ(tc.collation, kC);
  EXPECT_EQ(tc.subtype_opclass, std::nullopt);
  EXPECT_EQ(tc.subtype_diff, std::nullopt);
  EXPECT_EQ(tc.multirange, "\"other\".\"texts_c\"");
  EXPECT_EQ(tc.owner, cluster().superuser());
  EXPECT_EQ(tc.comment, std::nullopt);
  EXPECT_EQ(tc.acl, default_type_acl(cluster().superuser()));

  const auto& t = find(m.range_types, "\"s\".\"textrange\"");
  EXPECT_EQ(t.collation, std::nullopt);
  EXPECT_EQ(t.subtype_opclass, std::nullopt);
  // "range" in the name becomes "multirange"; without it, "_multirange" is appended.
  EXPECT_EQ(t.multirange, "\"s\".\"textmultirange\"");
  EXPECT_EQ(find(m.range_types, "\"s\".\"span\"").multirange, "\"s\".\"span_multirange\"");

  EXPECT_EQ(find(m.range_types, "\"s\".\"patternrange\"").subtype_opclass,
            "\"pg_catalog\".\"text_pattern_ops\"");
  EXPECT_EQ(find(m.range_types, "\"s\".\"defaultops\"").subtype_opclass, std::nullopt);
  const auto& pos = find(m.range_types, "\"s\".\"posrange\"");
  EXPECT_EQ(pos.subtype, "s.posint");
  EXPECT_EQ(pos.subtype_opclass, std::nullopt);
  const auto& vc = find(m.range_types, "\"s\".\"varcharrange\"");
  EXPECT_EQ(vc.subtype, "character varying");
  EXPECT_EQ(vc.subtype_opclass, std::nullopt);
  EXPECT_EQ(vc.collation, std::nullopt);
  EXPECT_EQ(find(m.range_types, "\"s\".\"colorrange\"").subtype_opclass, std::nullopt);

  const auto& i = find(m.range_types, "\"s\".\"intrange\"");
  EXPECT_EQ(i.subtype, "integer");
  EXPECT_EQ(i.canonical, "\"s\".\"intrange_canonical\"(s.intrange)");
  EXPECT_EQ(i.subtype_diff, std::nullopt);
  EXPECT_EQ(i.multirange, "\"s\".\"intmultirange\"");
}

// The query as expanded for servers before 14 cannot run there in these tests, but it can
// run here: it must read the same ranges, only without multiranges.
TEST(InspectRangeTypes, QueryForOlderServersMatchesExceptMultirange) {
  TestDatabase db;
  db.load(R"(
    create type floatrange as range (subtype = float8, subtype_diff = float8mi);
    create type textrange_c as range (subtype = text, collation = "C",
                                      subtype_opclass = text_pattern_ops);
    comment on type textrange_c is 'c';
  )");
  const std::string old_sql = catalog::expand_query_macros(catalog::query_for("range_types"),
                                                           130000);
  ASSERT_NE(old_sql, catalog::expand_query_macros(catalog::query_for("range_types"), 150000));
  auto conn = db.connect();
  pqxx::work tx(*conn);
  tx.exec0("set local search_path = public");
  std::vector<model::RangeType> old_ranges;
  auto rows = tx.exec_params(old_sql, "{}", "{}");
  catalog::CatalogColumns<model::RangeType> columns(rows, "range_types");
  model::JsonReader reader;
  for (const auto& row : rows) columns.read(reader, row, old_ranges.emplace_back());
  std::sort(old_ranges.begin(), old_ranges.end(),
            [](const auto& a, const auto& b) { return a.key() < b.key(); });
  tx.commit();
  auto current = db.inspect().range_types;
  ASSERT_EQ(current.size(), 2u);
  for (auto& r : current) {
    EXPECT_TRUE(r.multirange.has_value());
    r.multirange.reset();
  }
  EXPECT_EQ(old_ranges, current);
}

TEST(InspectTypes, ExtensionMembersAreTagged) {
  TestDatabase db;
  db.load(R"(
    create extension citext;
    create extension cube;
    create extension earthdistance;
    create extension tablefunc;
    -- Made members afterwards, as an extension script would have made them.
    create type mood as enum ('a');
    create type pair as (x int, y int);
    create type floatrange as range (subtype = float8);
    alter extension citext add type mood;
    alter extension citext add type pair;
    alter extension citext add type floatrange;
    create domain email as citext check (value ~ '@');
  )");
  auto m = db.inspect();
  // citext itself is a base type: none of these kinds.
  EXPECT_EQ(keys(m.enums), std::vector<std::string>{"\"public\".\"mood\""});
  EXPECT_EQ(m.enums[0].extension, "citext");
  EXPECT_EQ(keys(m.range_types), std::vector<std::string>{"\"public\".\"floatrange\""});
  EXPECT_EQ(m.range_types[0].extension, "citext");

  EXPECT_EQ(keys(m.domains),
            (std::vector<std::string>{"\"public\".\"earth\"", "\"public\".\"email\""}));
  const auto& earth = find(m.domains, "\"public\".\"earth\"");
  EXPECT_EQ(earth.extension, "earthdistance");
  EXPECT_EQ(earth.base_type, "cube");
  ASSERT_EQ(earth.constraints.size(), 3u);
  EXPECT_EQ(earth.constraints[0].name, "not_3d");
  EXPECT_EQ(earth.constraints[0].definition, "CHECK ((cube_dim(VALUE) <= 3))");
  EXPECT_EQ(earth.constraints[1].name, "not_point");
  EXPECT_EQ(earth.constraints[1].definition, "CHECK (cube_is_point(VALUE))");
  EXPECT_EQ(earth.constraints[2].name, "on_surface");
  const auto& email = find(m.domains, "\"public\".\"email\"");
  EXPECT_EQ(email.extension, std::nullopt);
  EXPECT_EQ(email.base_type, "citext");
  EXPECT_EQ(email.collation, std::nullopt);
  ASSERT_EQ(email.constraints.size(), 1u);
  EXPECT_EQ(email.constraints[0].definition, "CHECK ((VALUE ~ '@'::citext))");

  EXPECT_EQ(keys(m.composite_types),
            (std::vector<std::string>{"\"public\".\"pair\"", "\"public\".\"tablefunc_crosstab_2\"",
                                      "\"public\".\"tablefunc_crosstab_3\"",
                                      "\"public\".\"tablefunc_crosstab_4\""}));
  EXPECT_EQ(find(m.composite_types, "\"public\".\"pair\"").extension, "citext");
  const auto& crosstab = find(m.composite_types, "\"public\".\"tablefunc_crosstab_2\"");
  EXPECT_EQ(crosstab.extension, "tablefunc");
  ASSERT_EQ(crosstab.attributes.size(), 3u);
  EXPECT_EQ(crosstab.attributes[0].name, "row_name");
  EXPECT_EQ(crosstab.attributes[2].name, "category_2");
  EXPECT_EQ(crosstab.attributes[2].type, "text");
}

TEST(InspectTypes, SchemaFilterInsideTheQuery) {
  TestDatabase db;
  db.load(R"(
    create schema a;
    create schema b;
    create type a.e as enum ('x');
    create type b.e as enum ('x');
    create domain a.d as int;
    create domain b.d as int;
    create type a.c as (x int);
    create type b.c as (x int);
    create type a.r as range (subtype = int8);
    create type b.r as range (subtype = int8);
  )");
  auto only_a = db.inspect({{"a"}, {}});
  EXPECT_EQ(keys(only_a.enums), std::vector<std::string>{"\"a\".\"e\""});
  EXPECT_EQ(keys(only_a.domains), std::vector<std::string>{"\"a\".\"d\""});
  EXPECT_EQ(keys(only_a.composite_types), std::vector<std::string>{"\"a\".\"c\""});
  EXPECT_EQ(keys(only_a.range_types), std::vector<std::string>{"\"a\".\"r\""});
  auto not_a = db.inspect({{}, {"a"}});
  EXPECT_EQ(keys(not_a.enums), std::vector<std::string>{"\"b\".\"e\""});
  EXPECT_EQ(keys(not_a.domains), std::vector<std::string>{"\"b\".\"d\""});
  EXPECT_EQ(keys(not_a.composite_types), std::vector<std::string>{"\"b\".\"c\""});
  EXPECT_EQ(keys(not_a.range_types), std::vector<std::string>{"\"b\".\"r\""});
}

}  // namespace
}  // namespace migra::test
