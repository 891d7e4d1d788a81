// Every model set under schema-examples/<name>/{migra.yaml,v1,v2}: both versions lint
// clean, sync into an empty database and check in sync, migrate into each other both ways
// (the migration applied with `migra apply`, then the databases equal and a fresh diff is
// empty), and `migra diff v1 v2` prints the same bytes every time. A new example directory
// is covered without touching this file.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "config/config.h"
#include "diff/compare.h"
#include "support/scoped.h"
#include "support/test_cluster.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

const fs::path kExamples = fs::path(MIGRA_SOURCE_DIR) / "schema-examples";

std::vector<std::string> all_examples() {
  std::vector<std::string> out;
  if (!fs::exists(kExamples)) return out;
  for (const auto& e : fs::directory_iterator(kExamples)) {
    if (e.is_directory()) out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string show(const CliResult& r) { return "stdout:\n" + r.out + "stderr:\n" + r.err; }

/// The whole model of a database as compared by `migra --with-privileges`.
nlohmann::json comparable(const TestDatabase& db) {
  diff::DiffOptions options;
  options.with_privileges = true;
  return diff::comparable_model(db.inspect(), options);
}

class Example : public testing::TestWithParam<std::string> {
 protected:
  // Models load into scratch databases on the test cluster rather than a throwaway
  // cluster per command: the same load, seconds faster. The diff test keeps the default.
  void use_test_cluster_for_scratch() { scratch_.emplace("MIGRA_SCRATCH_URL", cluster().url("postgres")); }

  [[nodiscard]] fs::path dir() const { return kExamples / GetParam(); }
  [[nodiscard]] std::string models(const std::string& version) const { return (dir() / version).string(); }

  /// `migra <command>` on this example's migra.yaml with the models of `version` and `db`.
  /// Privileges are compared too: the examples' grants must survive every step.
  CliResult workflow(const std::string& command, const std::string& version, const TestDatabase& db,
                     std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{command, "--config", (dir() / "migra.yaml").string(), "--models",
                                  models(version), "--database", db.url(), "--with-privileges"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_migra(args);
  }

  /// Migrates `db` to `target` (a URL or model path) with `migra apply`; afterwards its
  /// model must equal `want` and a fresh diff must be empty.
  void migrate(const std::string& label, const TestDatabase& db, const std::string& target,
               const nlohmann::json& want) const {
    auto diff = run_migra({"--unsafe", "--with-privileges", db.url(), target});
    ASSERT_EQ(diff.exit_code, 2) << label << "\n" << show(diff);
    TempDir tmp("migra-example");
    std::string file = tmp.path() + "/migration.sql";
    std::ofstream(file) << diff.out;
    auto applied = run_migra({"apply", file, "--database", db.url()});
    ASSERT_EQ(applied.exit_code, 0) << label << "\n" << show(applied) << "--- migration:\n" << diff.out;
    auto got = comparable(db);
    EXPECT_TRUE(got == want) << label << ": after the migration the database differs (JSON patch "
                             << "got -> want): " << nlohmann::json::diff(got, want).dump(1)
                             << "\n--- migration:\n" << diff.out;
    auto again = run_migra({"--with-privileges", db.url(), target});
    EXPECT_EQ(again.exit_code, 0) << label << ": a fresh diff is not empty\n" << show(again);
  }

 private:
  std::optional<ScopedEnv> scratch_;
};

TEST_P(Example, HasConfigAndTwoMultiFileVersionsThatLintClean) {
  ASSERT_TRUE(fs::is_regular_file(dir() / "migra.yaml")) << dir();
  // migra.yaml is read as the commands read it; its models are the current version.
  auto config = config::load_config((dir() / "migra.yaml").string());
  EXPECT_EQ(config.models, std::vector<std::string>{models("v2")});
  EXPECT_TRUE(config.database || !config.database_error.empty()) << "no database key";
  for (const char* version : {"v1", "v2"}) {
    ASSERT_TRUE(fs::is_directory(dir() / version)) << dir() << " has no " << version;
    size_t files = 0;
    for (const auto& f : fs::recursive_directory_iterator(dir() / version)) {
      files += f.path().extension() == ".sql";
    }
    EXPECT_GT(files, 1u) << version << ": an example is split into files by what they hold";
    auto lint = run_migra({"lint", models(version)});
    EXPECT_EQ(lint.exit_code, 0) << version << "\n" << show(lint);
    EXPECT_NE(lint.err.find("no problems"), std::string::npos) << show(lint);
  }
  auto configured = run_migra({"lint", "--config", (dir() / "migra.yaml").string()});
  EXPECT_EQ(configured.exit_code, 0) << show(configured);
}

TEST_P(Example, SyncCheckAndMigrateBothWays) {
  use_test_cluster_for_scratch();
  TestDatabase at_v1, moving;

  // v1 into an empty database, then in sync with v1 and drifted from v2.
  auto sync = workflow("sync", "v1", at_v1, {"--yes"});
  ASSERT_EQ(sync.exit_code, 0) << show(sync);
  auto check = workflow("check", "v1", at_v1);
  EXPECT_EQ(check.exit_code, 0) << show(check);
  EXPECT_EQ(check.out, "In sync.\n");
  ASSERT_EQ(workflow("sync", "v1", moving, {"--yes"}).exit_code, 0);
  auto drift = workflow("check", "v2", moving);
  EXPECT_EQ(drift.exit_code, 2) << show(drift);

  // On to v2: refused and nothing changed when it is destructive, applied with --unsafe.
  auto before = comparable(moving);
  auto to_v2 = workflow("sync", "v2", moving, {"--yes"});
  if (to_v2.exit_code == 3) {
    EXPECT_NE(to_v2.err.find("Nothing was changed"), std::string::npos) << show(to_v2);
    EXPECT_TRUE(comparable(moving) == before) << "a refused sync changed the database";
    to_v2 = workflow("sync", "v2", moving, {"--yes", "--unsafe"});
  }
  ASSERT_EQ(to_v2.exit_code, 0) << show(to_v2);
  check = workflow("check", "v2", moving);
  EXPECT_EQ(check.exit_code, 0) << show(check);
  EXPECT_EQ(check.out, "In sync.\n");

  // Each database migrated to the other's version with a plain diff, applied by migra.
  auto v1 = comparable(at_v1), v2 = comparable(moving);
  ASSERT_FALSE(v1 == v2) << "v1 and v2 load into the same schema";
  migrate("v2 -> v1", moving, at_v1.url(), v1);
  migrate("v1 -> v2", at_v1, models("v2"), v2);
}

TEST_P(Example, DiffOfTheVersionsIsDeterministic) {
  // On the default scratch (a throwaway cluster), as ci/example.sh runs it.
  auto first = run_migra({"diff", "--unsafe", models("v1"), models("v2")});
  ASSERT_EQ(first.exit_code, 2) << show(first);
  EXPECT_FALSE(first.out.empty());
  auto second = run_migra({"diff", "--unsafe", models("v1"), models("v2")});
  ASSERT_EQ(second.exit_code, 2) << show(second);
  EXPECT_EQ(first.out, second.out);
}

INSTANTIATE_TEST_SUITE_P(Dir, Example, testing::ValuesIn(all_examples()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string n = info.param;
                           for (auto& ch : n) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

TEST(Examples, ShopAndSaasArePresent) {
  auto found = all_examples();
  for (const char* name : {"shop", "saas"}) {
    EXPECT_NE(std::find(found.begin(), found.end(), name), found.end()) << name;
  }
}

}  // namespace
}  // namespace migra::test
