// Definitions composed as the server prints them: identifier quoting and the text forms.
#include <gtest/gtest.h>

#include "catalog/printed_definitions.h"

namespace migra::catalog {
namespace {

TEST(IdentifierQuoter, QuotesAsQuoteIdentDoes) {
  IdentifierQuoter q({"user", "select", "int", "between"});
  EXPECT_EQ(q("plain"), "plain");
  EXPECT_EQ(q("_under_1"), "_under_1");
  EXPECT_EQ(q("type"), "type");  // not in the list: an unreserved keyword
  EXPECT_EQ(q("user"), "\"user\"");
  EXPECT_EQ(q("int"), "\"int\"");
  EXPECT_EQ(q("Upper"), "\"Upper\"");
  EXPECT_EQ(q("1st"), "\"1st\"");
  EXPECT_EQ(q("with space"), "\"with space\"");
  EXPECT_EQ(q("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(q("naïve"), "\"naïve\"");
  EXPECT_EQ(q(""), "\"\"");
  EXPECT_EQ(q("users"), "users");  // keyword lookups are whole words
}

TEST(PrintedDefinitions, IndexForms) {
  IdentifierQuoter q({"order"});
  std::string pred = "(a > 0)";
  EXPECT_EQ(index_definition(q, true, "Idx", "s", "order", "btree", true,
                             {{"a", 0}, {"b", 1}, {"c", 3}, {"d", 2}}, {"e", "F"}, true, &pred),
            "CREATE UNIQUE INDEX \"Idx\" ON s.\"order\" USING btree "
            "(a, b DESC NULLS LAST, c DESC, d NULLS FIRST) INCLUDE (e, \"F\") "
            "NULLS NOT DISTINCT WHERE (a > 0)");
  // Methods that cannot order print no DESC or NULLS.
  EXPECT_EQ(index_definition(q, false, "i", "public", "t", "hash", false, {{"a", 0}}, {}, false,
                             nullptr),
            "CREATE INDEX i ON public.t USING hash (a)");
}

TEST(PrintedDefinitions, UniqueConstraintForms) {
  IdentifierQuoter q({"user"});
  EXPECT_EQ(unique_constraint_definition(q, true, {"id", "user"}, {}, false, false, false),
            "PRIMARY KEY (id, \"user\")");
  EXPECT_EQ(unique_constraint_definition(q, false, {"a"}, {"b", "C"}, true, true, true),
            "UNIQUE NULLS NOT DISTINCT (a) INCLUDE (b, \"C\") DEFERRABLE INITIALLY DEFERRED");
  // A primary key is never NULLS NOT DISTINCT in print.
  EXPECT_EQ(unique_constraint_definition(q, true, {"a"}, {}, true, true, false),
            "PRIMARY KEY (a) DEFERRABLE");
}

TEST(PrintedDefinitions, ForeignKeyForms) {
  IdentifierQuoter q({"select"});
  ForeignKeyText fk;
  fk.columns = {"a", "select"};
  fk.referenced_schema = "Other";
  fk.referenced_table = "t";
  fk.visible = false;
  fk.referenced_columns = {"x", "y"};
  fk.match = 'f';
  fk.update_action = 'c';
  fk.delete_action = 'n';
  fk.delete_set_columns = {"a"};
  fk.deferrable = true;
  fk.deferred = true;
  fk.validated = false;
  EXPECT_EQ(foreign_key_definition(q, fk),
            "FOREIGN KEY (a, \"select\") REFERENCES \"Other\".t(x, y) MATCH FULL "
            "ON UPDATE CASCADE ON DELETE SET NULL (a) DEFERRABLE INITIALLY DEFERRED NOT VALID");
  // Visible on the search path: no schema; simple match and no action print nothing.
  ForeignKeyText plain;
  plain.columns = {"a"};
  plain.referenced_schema = "public";
  plain.referenced_table = "t";
  plain.visible = true;
  plain.referenced_columns = {"id"};
  plain.delete_action = 'r';
  EXPECT_EQ(foreign_key_definition(q, plain),
            "FOREIGN KEY (a) REFERENCES t(id) ON DELETE RESTRICT");
}

}  // namespace
}  // namespace migra::catalog
