// Canonical expression trees and the tokens that stand for deferred texts: no database.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>

#include "catalog/deferred_texts.h"
#include "catalog/expression_trees.h"

namespace migra::catalog {
namespace {

// CHECK (qty > 0) on column `attno` as PostgreSQL 15 stores it, written at `location`.
std::string qty_check(int attno, int location, const std::string& typmod = "-1") {
  return "{OPEXPR :opno 521 :opfuncid 147 :opresulttype 16 :opretset false :opcollid 0 "
         ":inputcollid 0 :args ({VAR :varno 1 :varattno " + std::to_string(attno) +
         " :vartype 23 :vartypmod " + typmod + " :varcollid 0 :varlevelsup 0 :varnosyn 1 "
         ":varattnosyn " + std::to_string(attno) + " :location " + std::to_string(location) +
         "} {CONST :consttype 23 :consttypmod -1 :constcollid 0 :constlen 4 :constbyval true "
         ":constisnull false :location 99 :constvalue 4 [ 0 0 0 0 0 0 0 0 ]}) :location 12}";
}

struct Columns {
  std::map<int, std::string> names;
  ColumnNamer namer() const {
    return [this](int n) -> const std::string* {
      auto it = names.find(n);
      return it == names.end() ? nullptr : &it->second;
    };
  }
};

TEST(CanonicalTree, SameExpressionOnOtherColumnNumbersAndPlacesIsEqual) {
  Columns first{{{1, "id"}, {2, "qty"}}};
  Columns second{{{1, "id"}, {2, "gone"}, {3, "qty"}}};
  auto a = canonical_tree(qty_check(2, 40), first.namer());
  auto b = canonical_tree(qty_check(3, 77), second.namer());
  ASSERT_TRUE(a);
  ASSERT_TRUE(b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(a->find(":location"), std::string::npos);
  EXPECT_NE(a->find("3:qty"), std::string::npos);
}

TEST(CanonicalTree, AnotherColumnNameIsAnotherTree) {
  Columns first{{{2, "qty"}}};
  Columns second{{{2, "amount"}}};
  EXPECT_NE(*canonical_tree(qty_check(2, 40), first.namer()),
            *canonical_tree(qty_check(2, 40), second.namer()));
}

TEST(CanonicalTree, LargeTypmodsAreNoOids) {
  Columns cols{{{2, "qty"}}};
  // numeric(12,2) has typmod 786438.
  EXPECT_TRUE(canonical_tree(qty_check(2, 40, "786438"), cols.namer()));
}

TEST(CanonicalTree, UserOidsMakeItIncomparable) {
  Columns cols{{{2, "qty"}}};
  std::string tree = qty_check(2, 40);
  std::string user_operator = tree;
  user_operator.replace(user_operator.find(":opno 521"), 9, ":opno 16500");
  EXPECT_FALSE(canonical_tree(user_operator, cols.namer()));
  std::string user_type = tree;
  user_type.replace(user_type.find(":vartype 23"), 11, ":vartype 16411");
  EXPECT_FALSE(canonical_tree(user_type, cols.namer()));
}

TEST(CanonicalTree, NamePrintingConstantsMakeItIncomparable) {
  Columns cols{{{2, "qty"}}};
  // nextval('s'::regclass): the constant is an oid printed as a name.
  std::string tree =
      "{FUNCEXPR :funcid 1574 :funcresulttype 20 :funcretset false :funcvariadic false "
      ":funcformat 0 :funccollid 0 :inputcollid 0 :args ({CONST :consttype 2205 :consttypmod -1 "
      ":constcollid 0 :constlen 4 :constbyval true :constisnull false :location 8 :constvalue 4 "
      "[ 1 64 0 0 0 0 0 0 ]}) :location 0}";
  EXPECT_FALSE(canonical_tree(tree, cols.namer()));
}

TEST(CanonicalTree, DatumBytesAreNotOids) {
  Columns cols;
  // 'abc'::text as a varlena: bytes, never read as numbers that could be oids.
  std::string tree =
      "{CONST :consttype 25 :consttypmod -1 :constcollid 100 :constlen -1 :constbyval false "
      ":constisnull false :location 3 :constvalue 7 [ 28 0 0 0 97 98 99 ]}";
  EXPECT_TRUE(canonical_tree(tree, cols.namer()));
}

TEST(CanonicalTree, ColumnsOtherThanTheTablesUserColumnsMakeItIncomparable) {
  Columns cols{{{2, "qty"}}};
  EXPECT_FALSE(canonical_tree(qty_check(5, 40), cols.namer()));  // unknown column
  std::string whole_row = qty_check(2, 40);
  whole_row.replace(whole_row.find(":varattno 2"), 11, ":varattno 0");
  EXPECT_FALSE(canonical_tree(whole_row, cols.namer()));
  std::string system = qty_check(2, 40);
  system.replace(system.find(":varattno 2"), 11, ":varattno -6");
  EXPECT_FALSE(canonical_tree(system, cols.namer()));
  std::string outer = qty_check(2, 40);
  outer.replace(outer.find(":varlevelsup 0"), 14, ":varlevelsup 1");
  EXPECT_FALSE(canonical_tree(outer, cols.namer()));
  std::string other_relation = qty_check(2, 40);
  other_relation.replace(other_relation.find(":varno 1"), 8, ":varno 2");
  EXPECT_FALSE(canonical_tree(other_relation, cols.namer()));
}

TEST(CanonicalTree, NewerVarFieldsAreKept) {
  // PostgreSQL 16 adds varnullingrels, a list.
  Columns cols{{{1, "a"}}};
  std::string tree =
      "{VAR :varno 1 :varattno 1 :vartype 23 :vartypmod -1 :varcollid 0 :varnullingrels (b) "
      ":varlevelsup 0 :varnosyn 1 :varattnosyn 1 :location 7}";
  auto canonical = canonical_tree(tree, cols.namer());
  ASSERT_TRUE(canonical);
  EXPECT_NE(canonical->find(":varnullingrels ( b )"), std::string::npos) << *canonical;
}

// feeling <> 'label' on an enum column, as stored with that database's oids; the label's
// oid is the constant's value, its bytes printed as signed chars.
std::string enum_check(int type, int label) {
  std::string bytes;
  for (int i = 0; i < 8; ++i) {
    int b = i < 4 ? (label >> (8 * i)) & 0xFF : 0;
    bytes += " " + std::to_string(b > 127 ? b - 256 : b);
  }
  return "{OPEXPR :opno 3517 :opfuncid 3509 :opresulttype 16 :opretset false :opcollid 0 "
         ":inputcollid 0 :args ({VAR :varno 1 :varattno 1 :vartype " + std::to_string(type) +
         " :vartypmod -1 :varcollid 0 :varlevelsup 0 :varnosyn 1 :varattnosyn 1 :location 5} "
         "{CONST :consttype " + std::to_string(type) + " :consttypmod -1 :constcollid 0 "
         ":constlen 4 :constbyval true :constisnull false :location 9 :constvalue 4 [" + bytes +
         " ]}) :location 7}";
}

TEST(CanonicalTree, EnumTypesAndLabelsByName) {
  Columns cols{{{1, "feeling"}}};
  std::map<std::int64_t, std::string> types{{16510, "\"app\".\"mood\""},
                                            {20001, "\"app\".\"mood\""},
                                            {20500, "\"app\".\"small\""}};
  // Label oid: its enum type's oid and the label.
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> labels{
      {16518, {16510, "sad"}}, {20010, {20001, "sad"}}, {20011, {20001, "ok"}}};
  UserObjects user{
      [&](std::int64_t oid) -> const std::string* {
        auto it = types.find(oid);
        return it == types.end() ? nullptr : &it->second;
      },
      [&](std::int64_t type, std::int64_t oid) -> const std::string* {
        auto it = labels.find(oid);
        return it != labels.end() && it->second.first == type ? &it->second.second : nullptr;
      }};
  // 16518 is 0x4086: its low byte prints as -122.
  ASSERT_NE(enum_check(16510, 16518).find("[ -122 64 0 0"), std::string::npos);
  auto first = canonical_tree(enum_check(16510, 16518), cols.namer(), user);
  auto second = canonical_tree(enum_check(20001, 20010), cols.namer(), user);
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(*first, *second);
  EXPECT_NE(*first, *canonical_tree(enum_check(20001, 20011), cols.namer(), user));
  EXPECT_FALSE(canonical_tree(enum_check(20001, 20099), cols.namer(), user));  // unknown label
  EXPECT_FALSE(canonical_tree(enum_check(30000, 20010), cols.namer(), user));  // unknown type
  EXPECT_FALSE(canonical_tree(enum_check(16510, 20010), cols.namer(), user));  // another enum's
  // A constant of a named type that is no enum (a domain) is never read as a label.
  EXPECT_FALSE(canonical_tree(enum_check(20500, 20010), cols.namer(), user));
  EXPECT_FALSE(canonical_tree(enum_check(16510, 16518), cols.namer()));        // none named
}

TEST(CanonicalTree, OidsNumberedByTheClusterMakeItIncomparable) {
  // Collations initdb imports from the host get oids from 12000 on.
  Columns cols{{{2, "qty"}}};
  std::string tree = qty_check(2, 40);
  tree.replace(tree.find(":varcollid 0"), 12, ":varcollid 12345");
  EXPECT_FALSE(canonical_tree(tree, cols.namer()));
  EXPECT_TRUE(has_user_oid("1978|12001"));
  EXPECT_FALSE(has_user_oid("10020 10056|950 100"));
}

TEST(DeferredTokens, EqualCanonicalFormsGiveEqualTokensOnAnyInspection) {
  DeferredTexts first;
  DeferredTexts second;
  auto a = first.shared(DeferredKind::check, 100, "150000|f|tree");
  auto b = second.shared(DeferredKind::check, 200, "150000|f|tree");
  EXPECT_EQ(a, b);
  EXPECT_NE(a, second.shared(DeferredKind::predicate, 200, "150000|f|tree"));
  EXPECT_NE(a, second.shared(DeferredKind::check, 200, "150000|t|tree"));
  EXPECT_TRUE(first.has(a));
  EXPECT_TRUE(first.owned().empty());
}

TEST(DeferredTokens, OwnTokensAreUnique) {
  DeferredTexts first;
  DeferredTexts second;
  auto a = first.own(DeferredKind::check, 100);
  EXPECT_NE(a, second.own(DeferredKind::check, 100));
  EXPECT_NE(a, first.own(DeferredKind::check, 101));
  EXPECT_EQ(first.owned().size(), 2u);
}

TEST(DeferredTokens, AreFoundAndReplacedInsideTexts) {
  DeferredTexts d;
  auto check = d.shared(DeferredKind::check, 1, "x");
  auto predicate = d.shared(DeferredKind::predicate, 2, "y");
  std::string sql = "alter table t add constraint c " + check + " not valid; -- " + predicate;
  EXPECT_TRUE(has_token(sql));
  std::vector<std::string> found;
  collect_tokens(sql, found);
  EXPECT_EQ(found, (std::vector<std::string>{check, predicate}));
  EXPECT_TRUE(replace_tokens(sql, {{check, "CHECK ((qty > 0))"}}));  // one left
  EXPECT_EQ(sql, "alter table t add constraint c CHECK ((qty > 0)) not valid; -- " + predicate);
  EXPECT_FALSE(replace_tokens(sql, {{predicate, "(qty > 1)"}}));
  EXPECT_FALSE(has_token(sql));
}

TEST(DeferredTokens, UserOidsAndFieldsAreFound) {
  EXPECT_FALSE(has_user_oid("1978 3126|100 0|23:0,-"));
  EXPECT_TRUE(has_user_oid("1978 16390|100"));
  // Only a mark, 32 hex digits and a mark make a token.
  std::vector<std::string> none;
  collect_tokens(std::string("\x1f") + std::string(32, 'g') + "\x1f", none);
  EXPECT_TRUE(none.empty());
  std::string a;
  add_field(a, "a|b");
  add_field(a, "");
  std::string b;
  add_field(b, "a");
  add_field(b, "|b");
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace migra::catalog
