// Every migra fixture loads and inspects without error, and inspection is
// deterministic: the same SQL in two databases, or one database inspected twice, gives
// byte-identical JSON and YAML.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "render/model_output.h"
#include "support/test_cluster.h"
#include "util/error.h"

namespace migra::test {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(MIGRA_SHARED_DIR) / "conformance" / "migra-fixtures";

/// One case: a fixture's files loaded in order into one database.
struct FixtureCase {
  std::string name;               ///< e.g. "everything_a_additions"
  std::vector<std::string> files; ///< loaded in this order
};

bool non_empty_file(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && fs::file_size(p, ec) > 0;
}

std::vector<FixtureCase> fixture_cases() {
  std::vector<FixtureCase> cases;
  std::error_code ec;
  if (!fs::is_directory(kFixtures, ec)) return cases;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    if (entry.is_directory()) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    std::string fixture = dir.filename().string();
    cases.push_back({fixture + "_a", {(dir / "a.sql").string()}});
    cases.push_back({fixture + "_b", {(dir / "b.sql").string()}});
    // Additions are applied on top of A (migra's second round).
    if (non_empty_file(dir / "additions.sql")) {
      cases.push_back(
          {fixture + "_a_additions", {(dir / "a.sql").string(), (dir / "additions.sql").string()}});
    }
  }
  return cases;
}

std::string describe(const Error& e) {
  std::string s = e.what();
  if (!e.sqlstate().empty()) s += " [SQLSTATE " + e.sqlstate() + "]";
  if (!e.query().empty()) s += "\nquery: " + e.query();
  return s;
}

/// Inspects db as JSON and YAML text; fails the test (and returns false) on any error.
bool inspect_texts(const TestDatabase& db, std::string& json, std::string& yaml) {
  try {
    auto m = db.inspect();
    json = render::model_text(m, render::ModelFormat::json);
    yaml = render::model_text(m, render::ModelFormat::yaml);
    return true;
  } catch (const Error& e) {
    ADD_FAILURE() << "inspecting " << db.name() << " failed: " << describe(e);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "inspecting " << db.name() << " failed: " << e.what();
  }
  return false;
}

class InspectFixture : public testing::TestWithParam<FixtureCase> {};

TEST_P(InspectFixture, InspectsDeterministically) {
  const auto& c = GetParam();
  TestDatabase first;
  TestDatabase second;
  for (const auto& file : c.files) {
    ASSERT_NO_FATAL_FAILURE(first.load_file(file));
    ASSERT_NO_FATAL_FAILURE(second.load_file(file));
  }

  std::string json, yaml;
  ASSERT_TRUE(inspect_texts(first, json, yaml));
  EXPECT_NE(json.find("\"schemas\""), std::string::npos);

  // The same database inspected again.
  std::string json_again, yaml_again;
  ASSERT_TRUE(inspect_texts(first, json_again, yaml_again));
  EXPECT_EQ(json, json_again) << "a second inspection of the same database differs";
  EXPECT_EQ(yaml, yaml_again) << "a second inspection of the same database differs";

  // Another database (another name, other OIDs) with the same SQL.
  std::string json_other, yaml_other;
  ASSERT_TRUE(inspect_texts(second, json_other, yaml_other));
  EXPECT_EQ(json, json_other) << "two databases loaded from the same files differ";
  EXPECT_EQ(yaml, yaml_other) << "two databases loaded from the same files differ";
}

INSTANTIATE_TEST_SUITE_P(MigraFixtures, InspectFixture, testing::ValuesIn(fixture_cases()),
                         [](const testing::TestParamInfo<FixtureCase>& info) {
                           return info.param.name;
                         });

// Guards against the suite silently running zero cases when the fixtures move.
TEST(InspectFixtures, FixturesArePresent) {
  ASSERT_TRUE(fs::is_directory(kFixtures)) << kFixtures << " is missing";
  auto cases = fixture_cases();
  // 26 fixtures with A and B, plus additions for everything, dependencies, privileges.
  EXPECT_GE(cases.size(), 26u * 2 + 3);
  for (const auto& name : {"everything_a_additions", "dependencies_a_additions",
                           "privileges_a_additions", "collations_b"}) {
    EXPECT_TRUE(std::any_of(cases.begin(), cases.end(),
                            [&](const FixtureCase& c) { return c.name == name; }))
        << name;
  }
}

}  // namespace
}  // namespace migra::test
