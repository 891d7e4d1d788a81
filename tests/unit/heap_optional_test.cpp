// model::HeapOptional: a column's identity options live on the heap, yet read, compare,
// copy and serialise exactly as the std::optional they replaced.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/table.h"

namespace migra::test {
namespace {

model::SequenceOptions options(std::int64_t start) {
  model::SequenceOptions o;
  o.data_type = "integer";
  o.start = start;
  o.max = 2147483647;
  return o;
}

TEST(HeapOptional, ReadsComparesAndCopiesLikeOptional) {
  model::HeapOptional<model::SequenceOptions> none, some = options(5);
  EXPECT_FALSE(none.has_value());
  EXPECT_TRUE(none == std::nullopt);
  EXPECT_TRUE(some.has_value());
  EXPECT_EQ(some->start, 5);
  EXPECT_NE(some, none);
  auto copy = some;
  EXPECT_EQ(copy, some);
  copy->start = 6;  // a deep copy: the original keeps its value
  EXPECT_EQ(some->start, 5);
  EXPECT_NE(copy, some);
  copy = std::nullopt;
  EXPECT_EQ(copy, none);
  copy = some;
  EXPECT_EQ((*copy).start, 5);
  auto moved = std::move(copy);
  EXPECT_EQ(moved, some);
}

TEST(HeapOptional, ColumnJsonIsNullOrTheOptionsObject) {
  model::Column plain;
  plain.name = "a";
  plain.type = "integer";
  auto j = nlohmann::json(plain);
  EXPECT_TRUE(j.at("identity_options").is_null());
  EXPECT_EQ(j.get<model::Column>(), plain);

  model::Column identity = plain;
  identity.identity = "always";
  identity.identity_options = options(10);
  auto k = nlohmann::json(identity);
  EXPECT_EQ(k.at("identity_options"), nlohmann::json(options(10)));
  EXPECT_EQ(k.at("identity_options").dump(),
            R"({"cache":1,"cycle":false,"data_type":"integer","increment":1,"max":2147483647,"min":1,"start":10})");
  EXPECT_EQ(k.get<model::Column>(), identity);
  // A missing field reads as none, as the defaults of the other fields do.
  k.erase("identity_options");
  EXPECT_FALSE(k.get<model::Column>().identity_options.has_value());
}

TEST(HeapOptional, AssignsAndComparesLikeStdOptional) {
  model::HeapOptional<std::string> text;
  EXPECT_EQ(text, std::nullopt);
  EXPECT_FALSE(text == std::string("a"));
  text = "a";  // from anything a string is made from
  EXPECT_EQ(text, "a");
  EXPECT_EQ(text, std::string("a"));
  EXPECT_FALSE(text == "b");
  text = std::optional<std::string>("b");
  EXPECT_EQ(*text, "b");
  text = std::optional<std::string>();
  EXPECT_FALSE(text.has_value());
  // A column's rare text fields round-trip through JSON as null or a string.
  model::Column c;
  c.name = "c";
  c.collation = "\"pg_catalog\".\"C\"";
  auto j = nlohmann::json(c);
  EXPECT_EQ(j.at("collation"), "\"pg_catalog\".\"C\"");
  EXPECT_TRUE(j.at("generated").is_null());
  EXPECT_EQ(j.get<model::Column>(), c);
}

}  // namespace
}  // namespace migra::test
