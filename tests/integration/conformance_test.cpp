// The original migra's own fixture corpus, run as its test suite runs it: for each case,
// migra's output applied to a database loaded from a.sql (in one transaction) must give
// the schema of b.sql, a second diff must be empty, and the run without flags must refuse
// destructive changes with exit 3. Matching expected.sql's text is counted, not required.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "support/round_trip.h"
#include "support/test_cluster.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

const fs::path kFixtures = fs::path(MIGRA_SHARED_DIR) / "conformance" / "migra-fixtures";

// Cases where the original's safe run exits 3 but ours is not destructive, on purpose.
const std::map<std::string, std::string> kSaferThanOriginal = {
    // Only a label is appended to the enum: ALTER TYPE ... ADD VALUE keeps the type, so the
    // views over the table are not dropped and recreated as the original does.
    {"enumdeps", "enum label appended in place"},
};

struct Case {
  std::string name;
  bool additions = false;  // a.sql + additions.sql, expecting expected2.sql
};

bool has_content(const fs::path& p) {
  return fs::exists(p) && read_text(p.string()).find_first_not_of(" \n\t") != std::string::npos;
}

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const auto& e : fs::directory_iterator(kFixtures)) {
    if (!e.is_directory()) continue;
    std::string name = e.path().filename().string();
    cases.push_back({name, false});
    if (has_content(e.path() / "additions.sql")) cases.push_back({name, true});
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return std::tie(a.name, a.additions) < std::tie(b.name, b.additions);
  });
  return cases;
}

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

int exact_matches = 0;

class Conformance : public testing::TestWithParam<Case> {};

TEST(ConformanceCorpus, IsPresent) { EXPECT_GE(all_cases().size(), 29u); }

TEST_P(Conformance, RoundTrip) {
  const Case& c = GetParam();
  fs::path dir = kFixtures / c.name;
  std::string a_sql = read_text((dir / "a.sql").string());
  if (c.additions) a_sql += "\n;\n" + read_text((dir / "additions.sql").string());
  std::string b_sql = read_text((dir / "b.sql").string());

  // Without flags: destructive changes are refused with the original's message.
  int safe_exit = std::stoi(read_text((dir / "safe_exit").string()));
  if (kSaferThanOriginal.count(c.name)) safe_exit = 2;
  {
    TestDatabase a, b;
    a.load(a_sql);
    b.load(b_sql);
    auto safe = run_migra({a.url(), b.url()});
    EXPECT_EQ(safe.exit_code, safe_exit) << safe.err;
    if (safe_exit == 3) {
      EXPECT_EQ(safe.out, "");
      EXPECT_EQ(safe.err,
                "-- ERROR: destructive statements generated. Use the --unsafe flag to suppress "
                "this error.\n");
    }
  }

  auto flags = parse_flags(read_text((dir / "flags").string()));
  auto result = round_trip(c.name, {a_sql, b_sql, flags, 2});
  std::string expected = read_text((dir / (c.additions ? "expected2.sql" : "expected.sql")).string());
  if (trimmed(result.migration) == trimmed(expected)) ++exact_matches;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Conformance, testing::ValuesIn(all_cases()),
                         [](const testing::TestParamInfo<Case>& info) {
                           return info.param.name + (info.param.additions ? "_additions" : "");
                         });

// Output differs from expected.sql mostly by design: statement order follows the
// dependency graph, enum labels are added in place, sequences keep their data type, and
// constraints are added directly instead of through a separately built index.
class ReportMatches : public testing::Environment {
 public:
  void TearDown() override {
    std::printf("conformance: %d of %zu outputs match expected.sql exactly\n", exact_matches,
                all_cases().size());
  }
};
const auto* const report = testing::AddGlobalTestEnvironment(new ReportMatches);

}  // namespace
}  // namespace migra::test
