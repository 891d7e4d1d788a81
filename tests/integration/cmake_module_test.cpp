// migra's CMake integration as a user's project sees it: tests/cmake configured with
// "Unix Makefiles" against this build tree and against an install of it, its lint and
// check targets built on model files and databases of the test's own.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "support/scoped.h"
#include "support/test_cluster.h"
#include "util/process.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

const std::string kConsumer = MIGRA_SOURCE_DIR "/tests/cmake";
const std::string kCalls = MIGRA_SOURCE_DIR "/tests/cmake/calls";
const std::string kBuildTree = MIGRA_BUILD_DIR;

const char* kGoodModel = "create table customers (\n  id bigint primary key,\n  name text\n);\n";
// The second comma of line 2 is at column 25.
const char* kBrokenModel = "create table customers (\n  id bigint primary key,,\n  name text\n);\n";

/// Runs cmake (the one that configured migra) with arguments.
ProcessResult cmake(std::vector<std::string> args) {
  args.insert(args.begin(), MIGRA_CMAKE_COMMAND);
  return run_process(args);
}

ProcessResult configure(const std::string& source, const std::string& build,
                        const std::vector<std::string>& definitions) {
  std::vector<std::string> args{"-S", source, "-B", build, "-G", "Unix Makefiles"};
  args.insert(args.end(), definitions.begin(), definitions.end());
  return cmake(args);
}

/// Builds a target; `verbose` shows the commands make runs.
ProcessResult build(const std::string& dir, const std::string& target = "", bool verbose = false) {
  std::vector<std::string> args{"--build", dir};
  if (!target.empty()) args.insert(args.end(), {"--target", target});
  if (verbose) args.insert(args.end(), {"--", "VERBOSE=1"});
  return cmake(args);
}

/// CMake wraps long messages; compare text with every run of whitespace as one space.
std::string squeeze(const std::string& text) {
  return std::regex_replace(text, std::regex(R"(\s+)"), " ");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void write(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path) << text;
}

/// Touches `path` until it is newer than `than`, as make sees it (file systems with coarse
/// timestamps need a moment); never sets a time in the future.
void touch_newer(const std::string& path, const std::string& than) {
  for (int i = 0; i < 200 && fs::last_write_time(path) <= fs::last_write_time(than); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    fs::last_write_time(path, fs::file_time_type::clock::now());
  }
  ASSERT_GT(fs::last_write_time(path), fs::last_write_time(than)) << path;
}

/// A value from a CMakeCache.txt.
std::string cache_value(const std::string& build_dir, const std::string& key) {
  std::smatch m;
  std::string cache = read_text(build_dir + "/CMakeCache.txt");
  std::regex entry("(^|\n)" + key + ":[A-Z]+=([^\n]*)");
  return std::regex_search(cache, m, entry) ? m[2].str() : "";
}

TEST(CMakeModule, LintRunsOnlyWhenAModelFileChangesAndStopsAtTheProblem) {
  TempDir t("migra-cmake");
  const std::string models = t.path() + "/models", model = models + "/app.sql";
  const std::string dir = t.path() + "/build";
  const std::string stamp = dir + "/lint_schema.migra-lint.stamp";
  const std::string comment = "Linting 1 model file(s) for lint_schema";
  write(model, kGoodModel);
  auto c = configure(kConsumer, dir, {"-DMigra_DIR=" + kBuildTree, "-DCONSUMER_MODELS=" + models});
  ASSERT_EQ(c.exit_code, 0) << c.output;

  auto first = build(dir);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_TRUE(contains(first.output, comment)) << first.output;
  EXPECT_TRUE(contains(first.output, "1 file: no problems")) << first.output;
  ASSERT_TRUE(fs::exists(stamp));

  auto unchanged = build(dir);
  ASSERT_EQ(unchanged.exit_code, 0) << unchanged.output;
  EXPECT_FALSE(contains(unchanged.output, comment)) << unchanged.output;
  EXPECT_FALSE(contains(unchanged.output, "no problems")) << unchanged.output;

  touch_newer(model, stamp);
  auto touched = build(dir);
  ASSERT_EQ(touched.exit_code, 0) << touched.output;
  EXPECT_TRUE(contains(touched.output, "1 file: no problems")) << touched.output;

  write(model, kBrokenModel);
  touch_newer(model, stamp);
  auto broken = build(dir);
  EXPECT_NE(broken.exit_code, 0) << broken.output;
  EXPECT_TRUE(contains(broken.output, model + ":2:25: error: syntax error")) << broken.output;
  EXPECT_FALSE(fs::exists(stamp)) << "a failing lint must not leave a stamp";

  // No stamp, so the next build lints (and fails) again although nothing changed.
  auto again = build(dir);
  EXPECT_NE(again.exit_code, 0) << again.output;
  EXPECT_TRUE(contains(again.output, model + ":2:25: error")) << again.output;

  write(model, kGoodModel);
  auto fixed = build(dir);
  ASSERT_EQ(fixed.exit_code, 0) << fixed.output;
  EXPECT_TRUE(contains(fixed.output, "no problems")) << fixed.output;

  // A new file in the models directory is picked up without configuring by hand.
  write(models + "/more/index.sql", "create index customers_name on customers (name);\n");
  auto added = build(dir);
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_TRUE(contains(added.output, "Linting 2 model file(s) for lint_schema")) << added.output;
  EXPECT_TRUE(contains(added.output, "2 files: no problems")) << added.output;
}

TEST(CMakeModule, CheckPassesInSyncAndFailsWithTheDriftPrinted) {
  TempDir t("migra-cmake");
  const std::string models = t.path() + "/models", dir = t.path() + "/build";
  write(models + "/app.sql", kGoodModel);
  TestDatabase db;
  db.load(kGoodModel);
  auto c = configure(kConsumer, dir,
                     {"-DMigra_DIR=" + kBuildTree, "-DCONSUMER_MODELS=" + models,
                      "-DCONSUMER_DATABASE=" + db.url(),
                      "-DCONSUMER_SCRATCH=" + cluster().url("postgres")});
  ASSERT_EQ(c.exit_code, 0) << c.output;

  auto in_sync = build(dir, "check_schema");
  ASSERT_EQ(in_sync.exit_code, 0) << in_sync.output;
  EXPECT_TRUE(contains(in_sync.output, "Checking the consumer database")) << in_sync.output;
  EXPECT_TRUE(contains(in_sync.output, "In sync.")) << in_sync.output;

  db.load("alter table customers add column note text;");
  auto drift = build(dir, "check_schema");
  EXPECT_NE(drift.exit_code, 0) << drift.output;
  EXPECT_TRUE(contains(drift.output, "Drift: the database differs from the models."))
      << drift.output;
  EXPECT_TRUE(contains(drift.output, "alter table \"public\".\"customers\" drop column \"note\";"))
      << drift.output;

  // Errors fail the build too: here the model files no longer load.
  write(models + "/app.sql", kBrokenModel);
  auto error = build(dir, "check_schema");
  EXPECT_NE(error.exit_code, 0) << error.output;
  EXPECT_TRUE(contains(error.output, models + "/app.sql:2:25: error")) << error.output;
}

TEST(CMakeModule, FindPackageWorksFromAnInstallPrefix) {
  TempDir t("migra-cmake");
  const std::string prefix = t.path() + "/prefix", models = t.path() + "/models";
  const std::string dir = t.path() + "/build";
  write(models + "/app.sql", kGoodModel);
  auto install = cmake({"--install", kBuildTree, "--prefix", prefix});
  ASSERT_EQ(install.exit_code, 0) << install.output;
  const std::string package = prefix + "/lib/cmake/Migra";
  for (const char* file : {"MigraConfig.cmake", "MigraConfigVersion.cmake", "MigraTargets.cmake",
                           "Migra.cmake"}) {
    EXPECT_TRUE(fs::exists(package + "/" + file)) << file;
  }

  auto c = configure(kConsumer, dir,
                     {"-DCMAKE_PREFIX_PATH=" + prefix, "-DCONSUMER_MODELS=" + models});
  ASSERT_EQ(c.exit_code, 0) << c.output;
  EXPECT_EQ(cache_value(dir, "Migra_DIR"), package);
  auto built = build(dir, "", true);
  ASSERT_EQ(built.exit_code, 0) << built.output;
  // The installed executable, not the build tree's, did the lint.
  EXPECT_TRUE(contains(built.output, prefix + "/bin/migra lint " + models + "/app.sql"))
      << built.output;
  EXPECT_TRUE(contains(built.output, "no problems")) << built.output;
}

TEST(CMakeModule, IncludeOnItsOwnUsesMigraExecutable) {
  TempDir t("migra-cmake");
  const std::string models = t.path() + "/models";
  write(models + "/app.sql", kGoodModel);
  const std::string module_dir = "-DCONSUMER_MODULE_DIR=" MIGRA_SOURCE_DIR "/cmake-module";

  auto c = configure(kConsumer, t.path() + "/build",
                     {module_dir, "-DMIGRA_EXECUTABLE=" MIGRA_BINARY,
                      "-DCONSUMER_MODELS=" + models});
  ASSERT_EQ(c.exit_code, 0) << c.output;
  auto built = build(t.path() + "/build", "", true);
  ASSERT_EQ(built.exit_code, 0) << built.output;
  EXPECT_TRUE(contains(built.output, MIGRA_BINARY " lint " + models + "/app.sql")) << built.output;

  auto missing_file = configure(kConsumer, t.path() + "/missing-file",
                                {module_dir, "-DMIGRA_EXECUTABLE=" + t.path() + "/no-such-migra",
                                 "-DCONSUMER_MODELS=" + models});
  EXPECT_NE(missing_file.exit_code, 0) << missing_file.output;
  EXPECT_TRUE(contains(squeeze(missing_file.output),
                       "Migra: MIGRA_EXECUTABLE is '" + t.path() +
                           "/no-such-migra', which is not a file."))
      << missing_file.output;

  // Nothing on PATH either: the function says how to point at migra. (make is named
  // directly, the PATH that would find it being empty.)
  const std::string make =
      "-DCMAKE_MAKE_PROGRAM=" + cache_value(t.path() + "/build", "CMAKE_MAKE_PROGRAM");
  fs::create_directories(t.path() + "/empty-path");
  ScopedEnv path("PATH", t.path() + "/empty-path");
  auto not_found = configure(kConsumer, t.path() + "/not-found",
                             {module_dir, make, "-DCONSUMER_MODELS=" + models});
  EXPECT_NE(not_found.exit_code, 0) << not_found.output;
  EXPECT_TRUE(contains(squeeze(not_found.output),
                       "migra_add_schema_lint(lint_schema): the migra executable was not found. "
                       "Set MIGRA_EXECUTABLE to its path"))
      << not_found.output;
}

TEST(CMakeModule, WrongCallsStopConfigureWithTheirMessage) {
  TempDir t("migra-cmake");
  const std::string dir = t.path() + "/build";
  auto run = [&](const std::string& call, const std::string& version = "") {
    return configure(kCalls, dir, {"-DMigra_DIR=" + kBuildTree, "-DMIGRA_CALL=" + call,
                                   "-DMIGRA_VERSION_WANTED=" + version});
  };
  // First a call that is right, so a failure below is the call's and not the set-up's.
  auto good = run("migra_add_schema_lint(lint_schema MODELS ../models/*.sql ALL)", "0.1");
  ASSERT_EQ(good.exit_code, 0) << good.output;

  const std::vector<std::pair<std::string, std::string>> cases = {
      {"migra_add_schema_lint(lint_schema)",
       "migra_add_schema_lint(lint_schema): MODELS is required: the model files, directories or "
       "globs, e.g. migra_add_schema_lint(lint_schema MODELS db/schema)."},
      {"migra_add_schema_check(check_schema DATABASE postgresql:///app)",
       "migra_add_schema_check(check_schema): MODELS is required"},
      {"migra_add_schema_lint(MODELS ../models)",
       "migra_add_schema_lint: the first argument must be the name of the target to add"},
      {"migra_add_schema_check()",
       "migra_add_schema_check: the first argument must be the name of the target to add"},
      {"migra_add_schema_check(check_schema DATABSE postgresql:///app MODELS ../models)",
       "migra_add_schema_check(check_schema): unknown argument(s): DATABSE postgresql:///app. "
       "Known keywords: ALL WITH_PRIVILEGES DATABASE CONFIG SCRATCH COMMENT MODELS SCHEMAS "
       "EXCLUDE_SCHEMAS."},
      // After MODELS, a misspelt keyword reads as a path.
      {"migra_add_schema_lint(lint_schema MODELS ../models AL)",
       "migra_add_schema_lint(lint_schema): model path '" + kCalls +
           "/AL' is neither an existing file or directory nor a glob. If 'AL' is a misspelt "
           "keyword: the keywords are MODELS ALL."},
      {"migra_add_schema_check(check_schema MODELS ../models DATABASE)",
       "migra_add_schema_check(check_schema): DATABASE given without a value."},
      {"migra_add_schema_check(check_schema MODELS ../models DATABASE \"\")",
       "migra_add_schema_check(check_schema): DATABASE given without a value."},
      {"migra_add_schema_lint(lint_schema MODELS ALL)",
       "migra_add_schema_lint(lint_schema): MODELS given without a value."},
      {"migra_add_schema_lint(lint_schema MODELS no/such/dir)",
       "migra_add_schema_lint(lint_schema): model path '" + kCalls +
           "/no/such/dir' is neither an existing file or directory nor a glob."},
      {"migra_add_schema_lint(lint_schema MODELS ../models/*.txt)",
       "migra_add_schema_lint(lint_schema): no .sql model files found in MODELS"},
      {"migra_add_schema_lint(taken MODELS ../models)",
       "migra_add_schema_lint(taken): a target named 'taken' already exists; choose another name."},
  };
  for (const auto& [call, message] : cases) {
    auto r = run(call);
    EXPECT_NE(r.exit_code, 0) << call << "\n" << r.output;
    EXPECT_TRUE(contains(squeeze(r.output), message)) << call << "\n" << r.output;
  }

  auto newer = run("", "1.0");
  EXPECT_NE(newer.exit_code, 0) << newer.output;
  EXPECT_TRUE(contains(squeeze(newer.output), "compatible with requested version \"1.0\""))
      << newer.output;
}

}  // namespace
}  // namespace migra::test
