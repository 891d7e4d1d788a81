#include <gtest/gtest.h>

#include "model/common.h"

namespace migra::model {
namespace {

TEST(Quoting, IdentifiersAreAlwaysQuotedWithQuotesDoubled) {
  EXPECT_EQ(quote_ident("t"), "\"t\"");
  EXPECT_EQ(quote_ident("My \"odd\"; name"), "\"My \"\"odd\"\"; name\"");
  EXPECT_EQ(qualified("public", "Order"), "\"public\".\"Order\"");
}

TEST(Quoting, LiteralsEscapeQuotesAndBackslashes) {
  EXPECT_EQ(quote_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_literal("a\\b"), "E'a\\\\b'");
}

}  // namespace
}  // namespace migra::model
