#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>

#include "model/json_reader.h"
#include "model/model.h"

namespace migra::model {
namespace {

// Every member set to a value unlike its default, so a member the reader skips shows.
template <typename T>
void fill(T& v, int seed) {
  if constexpr (std::is_same_v<T, std::string>) {
    v = "value " + std::to_string(seed) + " \"quoted\" \\ tab\t é ✓";
  } else if constexpr (std::is_same_v<T, bool>) {
    v = !v;
  } else if constexpr (std::is_integral_v<T>) {
    v = seed % 2 ? std::numeric_limits<T>::max() - seed : std::numeric_limits<T>::min() + seed;
  } else if constexpr (std::is_floating_point_v<T>) {
    v = seed + 0.1;
  } else if constexpr (requires { model_fields(&v); }) {
    std::apply([&](const auto&... f) { int i = 0; (fill(v.*(f.member), seed * 31 + i++), ...); },
               model_fields(&v));
  } else if constexpr (requires { v.emplace_back(); }) {
    fill(v.emplace_back(), seed + 1);
    fill(v.emplace_back(), seed + 2);
  } else {
    v.emplace();
    fill(*v, seed + 1);
  }
}

template <typename T>
T filled() {
  T v;
  fill(v, 1);
  return v;
}

template <typename T>
T read_back(const T& original) {
  JsonReader reader;
  T back;
  reader.read(nlohmann::json(original).dump(), back);
  return back;
}

// Every kind of the model, filled: its JSON read back must equal it.
Model full_model() {
  Model m;
  m.schemas.push_back(filled<Schema>());
  m.extensions.push_back(filled<Extension>());
  m.collations.push_back(filled<Collation>());
  m.enums.push_back(filled<EnumType>());
  m.domains.push_back(filled<Domain>());
  m.composite_types.push_back(filled<CompositeType>());
  m.range_types.push_back(filled<RangeType>());
  m.sequences.push_back(filled<Sequence>());
  m.tables.push_back(filled<Table>());
  m.constraints.push_back(filled<Constraint>());
  m.indexes.push_back(filled<Index>());
  m.views.push_back(filled<View>());
  m.functions.push_back(filled<Function>());
  m.triggers.push_back(filled<Trigger>());
  m.event_triggers.push_back(filled<EventTrigger>());
  m.policies.push_back(filled<Policy>());
  m.default_privileges.push_back(filled<DefaultPrivilege>());
  // Defaults too: empty optionals (null), empty lists.
  m.tables.emplace_back();
  m.functions.emplace_back();
  return m;
}

template <typename T>
void expect_round_trip(const std::vector<T>& objects) {
  for (const auto& o : objects) {
    EXPECT_TRUE(read_back(o) == o) << nlohmann::json(o).dump() << "\nread back as\n"
                                   << nlohmann::json(read_back(o)).dump();
  }
}

TEST(JsonReader, EveryModelKindRoundTrips) {
  Model m = full_model();
  ASSERT_TRUE(m.tables[0].columns[0].identity_options);
  expect_round_trip(m.schemas);
  expect_round_trip(m.extensions);
  expect_round_trip(m.collations);
  expect_round_trip(m.enums);
  expect_round_trip(m.domains);
  expect_round_trip(m.composite_types);
  expect_round_trip(m.range_types);
  expect_round_trip(m.sequences);
  expect_round_trip(m.tables);
  expect_round_trip(m.constraints);
  expect_round_trip(m.indexes);
  expect_round_trip(m.views);
  expect_round_trip(m.functions);
  expect_round_trip(m.triggers);
  expect_round_trip(m.event_triggers);
  expect_round_trip(m.policies);
  expect_round_trip(m.default_privileges);
}

TEST(JsonReader, TheModelCacheLinesRoundTripWithOneReader) {
  Model m = full_model();
  std::string lines = to_json_lines(m);
  Model back;
  JsonReader reader;
  for (size_t at = 0; at < lines.size();) {
    size_t end = lines.find('\n', at);
    ASSERT_NE(end, std::string::npos);
    add_json_line(back, std::string_view(lines).substr(at, end - at), reader);
    at = end + 1;
  }
  EXPECT_TRUE(back == m);
  EXPECT_EQ(to_json_lines(back), lines);
}

TEST(JsonReader, NumbersKeepTheirValues) {
  Function f;
  f.cost = 0.1;
  f.rows = 1e-7;
  EXPECT_EQ(read_back(f).cost, 0.1);
  EXPECT_EQ(read_back(f).rows, 1e-7);
  Sequence s;
  s.options.min = std::numeric_limits<std::int64_t>::min();
  s.options.max = std::numeric_limits<std::int64_t>::max();
  EXPECT_TRUE(read_back(s) == s);
  // PostgreSQL prints a whole cost without a fraction.
  JsonReader reader;
  nlohmann::json j = f;
  j["cost"] = 100;
  reader.read(j.dump(), f);
  EXPECT_EQ(f.cost, 100.0);
}

// The message of reading `json` as a T, or "" when it reads.
template <typename T>
std::string read_error(const std::string& json) {
  JsonReader reader;
  T out;
  try {
    reader.read(json, out);
  } catch (const JsonReadError& e) {
    return e.what();
  }
  return "";
}

template <typename T>
std::string read_error(const nlohmann::json& json) {
  return read_error<T>(json.dump());
}

TEST(JsonReader, AnUnknownKeyIsNamed) {
  nlohmann::json j = Index{};
  j["uniqe"] = true;
  EXPECT_EQ(read_error<Index>(j), "unknown key 'uniqe'");
}

TEST(JsonReader, AMissingKeyIsNamed) {
  nlohmann::json j = Index{};
  j.erase("predicate");
  EXPECT_EQ(read_error<Index>(j), "missing key 'predicate'");
}

TEST(JsonReader, AWrongTypeIsNamedWithBoth) {
  nlohmann::json j = Index{};
  j["unique"] = "yes";
  EXPECT_EQ(read_error<Index>(j), "key 'unique' is a string, not a boolean");
  j = Index{};
  j["name"] = nullptr;
  EXPECT_EQ(read_error<Index>(j), "key 'name' is null, not a string");
  j = Index{};
  j["columns"] = "a";
  EXPECT_EQ(read_error<Index>(j), "key 'columns' is a string, not an array");
  j = Index{};
  j["columns"] = {"a", 1};
  EXPECT_EQ(read_error<Index>(j), "key 'columns[1]' is an integer, not a string");
  j = Sequence{};
  j["options"] = nlohmann::json::array();
  EXPECT_EQ(read_error<Sequence>(j), "key 'options' is an array, not an object");
  j = Sequence{};
  j["options"]["start"] = 1.5;
  EXPECT_EQ(read_error<Sequence>(j), "key 'options.start' is a fractional number, not an integer");
  j = Function{};
  j["cost"] = "1";
  EXPECT_EQ(read_error<Function>(j), "key 'cost' is a string, not a number");
}

TEST(JsonReader, ErrorsInsideListsAndNestedObjectsNameTheWholePath) {
  Table t;
  t.columns.resize(2);
  t.columns[1].identity_options.emplace();
  nlohmann::json j = t;
  j["columns"][1]["identity_options"]["start"] = "1";
  EXPECT_EQ(read_error<Table>(j), "key 'columns[1].identity_options.start' is a string, not an integer");
  j = t;
  j["columns"][0]["acl"] =
      nlohmann::json::array({nlohmann::json{{"grantee", "PUBLIC"}, {"privilege", "SELECT"}}});
  EXPECT_EQ(read_error<Table>(j), "missing key 'columns[0].acl[0].grantable'");
  j = t;
  j["columns"][1]["identity_options"]["typo"] = 1;
  EXPECT_EQ(read_error<Table>(j), "unknown key 'columns[1].identity_options.typo'");
}

TEST(JsonReader, DuplicateKeysOutOfRangeNumbersAndBadTextAreErrors) {
  EXPECT_EQ(read_error<Grant>(std::string(
                R"({"grantee": "a", "privilege": "SELECT", "grantable": true, "grantee": "b"})")),
            "duplicate key 'grantee'");
  nlohmann::json j = Sequence{};
  j["options"]["max"] = 9223372036854775808ULL;
  EXPECT_EQ(read_error<Sequence>(j), "key 'options.max' is out of range for its field");
  EXPECT_EQ(read_error<Grant>(std::string("[]")), "the JSON text is not an object");
  EXPECT_EQ(read_error<Grant>(std::string(R"({"grantee": "a")")).rfind("malformed JSON: ", 0), 0U);
  EXPECT_EQ(read_error<Grant>(std::string(R"({"grantee": "a"} {})")).rfind("malformed JSON: ", 0),
            0U);
  EXPECT_EQ(read_error<Grant>(std::string("")).rfind("malformed JSON: ", 0), 0U);
}

TEST(JsonReader, EveryObjectIsCheckedNotOnlyTheFirst) {
  JsonReader reader;
  nlohmann::json good = Grant{"a", "SELECT", false};
  nlohmann::json bad = good;
  bad.erase("grantable");
  Grant g;
  reader.read(good.dump(), g);
  EXPECT_THROW(reader.read(bad.dump(), g), JsonReadError);
  reader.read(good.dump(), g);  // the reader is fine after an error
  EXPECT_TRUE(g == (Grant{"a", "SELECT", false}));
}

TEST(JsonReader, AModelCacheLineOfAnUnknownKindOrBadObjectAddsNothing) {
  Model m;
  JsonReader reader;
  EXPECT_THROW(add_json_line(m, "tabels\t{}", reader), std::invalid_argument);
  EXPECT_THROW(add_json_line(m, "no tab", reader), std::invalid_argument);
  EXPECT_THROW(add_json_line(m, "schemas\t{\"name\": \"s\"}", reader), JsonReadError);
  EXPECT_TRUE(m.schemas.empty());
  add_json_line(m, "schemas\t" + nlohmann::json(filled<Schema>()).dump(), reader);
  EXPECT_TRUE(m.schemas == std::vector<Schema>{filled<Schema>()});
}

// Member types the model may come to use: narrower integers, heap-held structs.
struct Inner {
  std::int32_t small = 0;
  std::uint16_t tiny = 0;
  bool operator==(const Inner&) const = default;
};
MIGRA_MODEL_FIELD_LIST(Inner, small, tiny)

struct Outer {
  std::unique_ptr<Inner> inner;
  std::optional<std::vector<std::string>> names;
};
MIGRA_MODEL_FIELD_LIST(Outer, inner, names)

TEST(JsonReader, ReadsNarrowIntegersAndHeapHeldStructs) {
  JsonReader reader;
  Outer o;
  reader.read(R"({"inner": {"small": -5, "tiny": 65535}, "names": ["a"]})", o);
  ASSERT_TRUE(o.inner);
  EXPECT_TRUE(*o.inner == (Inner{-5, 65535}));
  EXPECT_EQ(o.names, std::vector<std::string>{"a"});
  reader.read(R"({"inner": null, "names": null})", o);
  EXPECT_FALSE(o.inner);
  EXPECT_FALSE(o.names);
  EXPECT_THROW(reader.read(R"({"inner": {"small": 1, "tiny": 65536}, "names": null})", o),
               JsonReadError);
  EXPECT_THROW(reader.read(R"({"inner": {"small": 2147483648, "tiny": 1}, "names": null})", o),
               JsonReadError);
  EXPECT_THROW(reader.read(R"({"inner": {"small": 1, "tiny": -1}, "names": null})", o),
               JsonReadError);
}

}  // namespace
}  // namespace migra::model
