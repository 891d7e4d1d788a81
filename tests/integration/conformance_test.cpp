// The original migra's own fixture corpus, run as its test suite runs it: for each case,
// migra's output applied to a database loaded from a.sql (in one transaction) must give
// the schema of b.sql, a second diff must be empty, and the run without flags must refuse
// destructive changes with exit 3. Matching expected.sql's text is counted, not required.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <fstream>
#include <sstream>

#include "diff/compare.h"
#include "source/pg_binaries.h"
#include "support/test_cluster.h"
#include "util/process.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

const fs::path kFixtures = fs::path(MIGRA_SHARED_DIR) / "conformance" / "migra-fixtures";

struct Case {
  std::string name;
  bool additions = false;  // a.sql + additions.sql, expecting expected2.sql
};

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  for (const auto& e : fs::directory_iterator(kFixtures)) {
    if (!e.is_directory()) continue;
    std::string name = e.path().filename().string();
    cases.push_back({name, false});
    auto add = e.path() / "additions.sql";
    if (fs::exists(add) && !read_text(add.string()).empty() &&
        read_text(add.string()).find_first_not_of(" \n\t") != std::string::npos) {
      cases.push_back({name, true});
    }
  }
  std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return std::tie(a.name, a.additions) < std::tie(b.name, b.additions);
  });
  return cases;
}

std::vector<std::string> read_flags(const fs::path& dir) {
  std::vector<std::string> flags;
  std::istringstream in(read_text((dir / "flags").string()));
  for (std::string w; in >> w;) flags.push_back(w);
  return flags;
}

diff::DiffOptions options_from(const std::vector<std::string>& flags,
                               catalog::InspectOptions& inspect) {
  diff::DiffOptions o;
  for (size_t i = 0; i < flags.size(); ++i) {
    if (flags[i] == "--with-privileges") o.with_privileges = true;
    if (flags[i] == "--ignore-extension-versions") o.ignore_extension_versions = true;
    if (flags[i] == "--create-extensions-only") o.create_extensions_only = true;
    if (flags[i] == "--schema") inspect.schemas.push_back(flags[++i]);
    if (flags[i] == "--exclude_schema") inspect.exclude_schemas.push_back(flags[++i]);
  }
  return o;
}

int exact_matches = 0;

// Cases where the original's safe run exits 3 but ours is not destructive, on purpose.
const std::map<std::string, std::string> kSaferThanOriginal = {
    // Only a label is appended to the enum: ALTER TYPE ... ADD VALUE keeps the type, so the
    // views over the table are not dropped and recreated as the original does.
    {"enumdeps", "enum label appended in place"},
};

class Conformance : public testing::TestWithParam<Case> {};

TEST_P(Conformance, RoundTrip) {
  const Case& c = GetParam();
  fs::path dir = kFixtures / c.name;
  TestDatabase a, b;
  a.load_file((dir / "a.sql").string());
  if (c.additions) a.load_file((dir / "additions.sql").string());
  b.load_file((dir / "b.sql").string());

  // Without flags: destructive changes are refused.
  auto safe = run_migra({a.url(), b.url()});
  int safe_exit = std::stoi(read_text((dir / "safe_exit").string()));
  if (kSaferThanOriginal.count(c.name)) safe_exit = 2;
  EXPECT_EQ(safe.exit_code, safe_exit) << safe.err;
  if (safe_exit == 3) {
    EXPECT_EQ(safe.out, "");
    EXPECT_EQ(safe.err,
              "-- ERROR: destructive statements generated. Use the --unsafe flag to suppress "
              "this error.\n");
  }

  auto flags = read_flags(dir);
  std::vector<std::string> args = flags;
  args.push_back(a.url());
  args.push_back(b.url());
  auto run = run_migra(args);
  ASSERT_TRUE(run.exit_code == 2 || run.exit_code == 0) << run.exit_code << "\n" << run.err;

  std::string expected = read_text((dir / (c.additions ? "expected2.sql" : "expected.sql")).string());
  auto trim = [](std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  };
  if (trim(run.out) == trim(expected)) ++exact_matches;

  // Apply in one transaction.
  std::string sql_path = "/tmp/migra-conformance-" + c.name + (c.additions ? "-2" : "") + ".sql";
  {
    std::ofstream f(sql_path);
    f << run.out;
  }
  auto applied = run_process({find_pg_bindir() + "/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                              "--single-transaction", "-d", a.conninfo(), "-f", sql_path});
  ASSERT_EQ(applied.exit_code, 0) << "applying the migration failed:\n"
                                  << applied.output << "\n--- migration:\n" << run.out;
  fs::remove(sql_path);

  catalog::InspectOptions inspect;
  auto options = options_from(flags, inspect);
  auto after = a.inspect(inspect);
  auto want = b.inspect(inspect);
  if (options.create_extensions_only) {
    // Only missing extensions are created; nothing else is meant to change.
    for (const auto& e : want.extensions) {
      bool present = std::any_of(after.extensions.begin(), after.extensions.end(),
                                 [&](const model::Extension& x) { return x.name == e.name; });
      EXPECT_TRUE(present) << e.name;
    }
  } else {
    auto got = diff::comparable_model(after, options);
    auto expect = diff::comparable_model(want, options);
    EXPECT_TRUE(got == expect) << "after the migration, A differs from B (JSON patch A -> B): "
                               << nlohmann::json::diff(got, expect).dump(1)
                               << "\n--- migration:\n" << run.out;
    auto again = run_migra(args);
    EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
    EXPECT_EQ(again.out, "");
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, Conformance, testing::ValuesIn(all_cases()),
                         [](const testing::TestParamInfo<Case>& info) {
                           return info.param.name + (info.param.additions ? "_additions" : "");
                         });

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
