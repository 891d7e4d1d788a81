// git integration: `migra lint --staged`, `migra hook install|uninstall` and the
// pre-commit framework's .pre-commit-hooks.yaml, in throwaway git repositories.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "support/scoped.h"
#include "support/test_cluster.h"
#include "util/git.h"
#include "util/process.h"

namespace fs = std::filesystem;

namespace migra::test {
namespace {

/// Runs the rest of a scope in another directory (git and migra work on the current one).
class ScopedCwd {
 public:
  explicit ScopedCwd(const std::string& dir) : old_(fs::current_path()) { fs::current_path(dir); }
  ~ScopedCwd() {
    std::error_code ec;
    fs::current_path(old_, ec);
  }
  ScopedCwd(const ScopedCwd&) = delete;
  ScopedCwd& operator=(const ScopedCwd&) = delete;

 private:
  fs::path old_;
};

/// A fresh git repository as the current directory, with no user or system git
/// configuration in play and migra.yaml naming `models/` as the models.
class Repo {
 public:
  Repo()
      : home_("HOME", dir_.path()),
        global_("GIT_CONFIG_GLOBAL", "/dev/null"),
        system_("GIT_CONFIG_NOSYSTEM", "1"),
        ceiling_("GIT_CEILING_DIRECTORIES", fs::path(dir_.path()).parent_path().string()),
        cwd_(make_root(dir_.path())) {
    git({"init", "-q"});
    git({"config", "user.name", "Migra Test"});
    git({"config", "user.email", "migra-test@example.com"});
    write("migra.yaml", "models: [models]\n");
  }

  /// Runs git here; output is stdout and stderr together (a hook's output included).
  ProcessResult git(const std::vector<std::string>& args) const {
    std::vector<std::string> argv{git::executable()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_process(argv);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((root() / name).parent_path());
    std::ofstream(root() / name) << text;
  }
  /// Writes and stages a file.
  void stage(const std::string& name, const std::string& text) const {
    write(name, text);
    auto r = git({"add", "--", name});
    EXPECT_EQ(r.exit_code, 0) << r.output;
  }
  [[nodiscard]] ProcessResult commit(const std::string& message,
                                     const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> args{"commit", "-q", "-m", message};
    args.insert(args.end(), extra.begin(), extra.end());
    return git(args);
  }
  [[nodiscard]] int commits() const {
    auto r = git({"rev-list", "--count", "--all"});
    return r.exit_code == 0 ? std::stoi(r.output) : 0;
  }
  [[nodiscard]] fs::path root() const { return fs::path(dir_.path()) / "repo"; }

 private:
  static std::string make_root(const std::string& dir) {
    fs::create_directories(fs::path(dir) / "repo");
    return (fs::path(dir) / "repo").string();
  }

  TempDir dir_{"migra-hook"};
  ScopedEnv home_, global_, system_, ceiling_;
  ScopedCwd cwd_;
};

const char* kBroken = "create table t (id int,);\n";  // error at 1:24, the ")"
const char* kGood = "create table t (id int);\n";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string read_hook(const fs::path& path) { return read_text(path.string()); }

TEST(HookInstall, CommitWithBrokenModelIsRefusedAndGoodOnePasses) {
  Repo repo;
  auto installed = run_migra({"hook", "install"});
  ASSERT_EQ(installed.exit_code, 0) << installed.err;
  fs::path hook = repo.root() / ".git/hooks/pre-commit";
  EXPECT_TRUE(contains(installed.out, hook.string())) << installed.out;
  struct stat st {};
  ASSERT_EQ(stat(hook.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0755u);
  std::string script = read_hook(hook);
  EXPECT_TRUE(script.starts_with("#!/bin/sh\n")) << script;
  EXPECT_TRUE(contains(script, "# installed by migra hook install\n")) << script;
  EXPECT_TRUE(contains(script, "migra='" + fs::canonical(MIGRA_BINARY).string() + "'\n")) << script;

  // The first commit of a repository: there is no HEAD to compare with yet.
  repo.stage("migra.yaml", "models: [models]\n");
  repo.stage("models/x.sql", kBroken);
  auto refused = repo.commit("broken");
  EXPECT_NE(refused.exit_code, 0) << refused.output;
  EXPECT_TRUE(contains(refused.output, "models/x.sql:1:24: error: syntax error at or near \")\""))
      << refused.output;
  EXPECT_TRUE(contains(refused.output, "git commit --no-verify")) << refused.output;
  EXPECT_EQ(repo.commits(), 0);

  repo.stage("models/x.sql", kGood);
  auto accepted = repo.commit("good");
  EXPECT_EQ(accepted.exit_code, 0) << accepted.output;
  EXPECT_EQ(repo.commits(), 1);

  // `commit -a` stages into a temporary index that the hook must read too.
  repo.write("models/x.sql", kBroken);
  auto all = repo.commit("all", {"-a"});
  EXPECT_NE(all.exit_code, 0) << all.output;
  EXPECT_TRUE(contains(all.output, "models/x.sql:1:24")) << all.output;
  EXPECT_EQ(repo.commits(), 1);
}

TEST(LintStaged, TheIndexIsJudgedNotTheWorkTree) {
  Repo repo;
  ASSERT_EQ(run_migra({"hook", "install"}).exit_code, 0);
  repo.stage("models/x.sql", kBroken);
  repo.write("models/x.sql", kGood);
  auto refused = repo.commit("index broken, work tree fixed");
  EXPECT_NE(refused.exit_code, 0) << refused.output;
  EXPECT_TRUE(contains(refused.output, "models/x.sql:1:24")) << refused.output;
  EXPECT_EQ(repo.commits(), 0);

  repo.stage("models/x.sql", kGood);
  repo.write("models/x.sql", kBroken);
  auto accepted = repo.commit("index fixed, work tree broken");
  EXPECT_EQ(accepted.exit_code, 0) << accepted.output;
  EXPECT_EQ(repo.commits(), 1);
}

TEST(LintStaged, OnlyStagedSqlModelFilesAreLinted) {
  Repo repo;
  // Nothing staged: quiet success.
  auto nothing = run_migra({"lint", "--staged"});
  EXPECT_EQ(nothing.exit_code, 0) << nothing.err;
  EXPECT_EQ(nothing.out + nothing.err, "");

  // Broken SQL that is not a model: another extension, or outside `models`.
  repo.stage("notes.txt", kBroken);
  repo.stage("scripts/adhoc.sql", kBroken);
  repo.stage("models.sql", kBroken);
  auto ignored = run_migra({"lint", "--staged"});
  EXPECT_EQ(ignored.exit_code, 0) << ignored.err;
  EXPECT_EQ(ignored.out + ignored.err, "");

  // A model file with a space in its name, in a sub-folder, linted by its staged text.
  repo.stage("models/sub/my orders.sql", "create table orders (id int);\n\nselect from;\n");
  auto r = run_migra({"lint", "--staged"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "models/sub/my orders.sql:3:")) << r.err;
  EXPECT_FALSE(contains(r.err, "adhoc.sql")) << r.err;

  // Paths given narrow the models instead of migra.yaml.
  auto narrowed = run_migra({"lint", "--staged", "scripts"});
  EXPECT_EQ(narrowed.exit_code, 1);
  EXPECT_TRUE(contains(narrowed.err, "scripts/adhoc.sql:1:24")) << narrowed.err;
  EXPECT_FALSE(contains(narrowed.err, "my orders.sql")) << narrowed.err;

  // Without migra.yaml every staged .sql file is a model.
  fs::remove(repo.root() / "migra.yaml");
  repo.git({"rm", "-q", "--cached", "models.sql"});
  auto every = run_migra({"lint", "--staged"});
  EXPECT_EQ(every.exit_code, 1);
  EXPECT_TRUE(contains(every.err, "scripts/adhoc.sql:1:24")) << every.err;
  EXPECT_TRUE(contains(every.err, "models/sub/my orders.sql:3:")) << every.err;
  EXPECT_FALSE(contains(every.err, "models.sql:")) << every.err;
  EXPECT_FALSE(contains(every.err, "notes.txt")) << every.err;

  // A glob in migra.yaml, and a config found through --config from a sub-folder.
  repo.write("migra.yaml", "models: ['models/*/*.sql']\n");
  {
    ScopedCwd sub((repo.root() / "models").string());
    auto globbed = run_migra({"lint", "--staged", "--config", "../migra.yaml"});
    EXPECT_EQ(globbed.exit_code, 1);
    EXPECT_TRUE(contains(globbed.err, "models/sub/my orders.sql:3:")) << globbed.err;
    EXPECT_FALSE(contains(globbed.err, "adhoc.sql")) << globbed.err;
  }
  repo.stage("models/sub/my orders.sql", "create table orders (id int);\n");
  auto clean = run_migra({"lint", "--staged"});
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.err, "1 statements in 1 staged file: no problems.\n");
}

TEST(LintStaged, RenamedFileIsReportedUnderItsNewNameAndDeletedOnesAreNotRead) {
  Repo repo;
  const std::string body =
      "create table a (id int primary key);\ncreate table b (id int primary key);\n"
      "create table c (id int primary key);\ncreate table d (id int primary key);\n";
  repo.stage("models/old.sql", body);
  repo.stage("models/gone.sql", kBroken);  // committed before there was a hook
  ASSERT_EQ(repo.commit("base").exit_code, 0);
  ASSERT_EQ(repo.git({"mv", "models/old.sql", "models/new.sql"}).exit_code, 0);
  ASSERT_EQ(repo.git({"rm", "-q", "models/gone.sql"}).exit_code, 0);
  auto renamed = run_migra({"lint", "--staged"});
  EXPECT_EQ(renamed.exit_code, 0) << renamed.err;
  EXPECT_EQ(renamed.err, "4 statements in 1 staged file: no problems.\n");

  repo.stage("models/new.sql", body + "create table e (id int,);\n");
  auto status = repo.git({"status", "--short"});
  ASSERT_TRUE(contains(status.output, "R  models/old.sql -> models/new.sql")) << status.output;
  auto r = run_migra({"lint", "--staged"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(contains(r.err, "models/new.sql:5:24")) << r.err;
  EXPECT_FALSE(contains(r.err, "gone.sql")) << r.err;
}

TEST(HookInstall, ForeignHookIsKeptUnlessForcedAndOwnHookIsReplaced) {
  Repo repo;
  fs::path hook = repo.root() / ".git/hooks/pre-commit";
  const std::string foreign = "#!/bin/sh\necho other checks\n";
  repo.write(".git/hooks/pre-commit", foreign);

  auto refused = run_migra({"hook", "install"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_TRUE(contains(refused.err, hook.string() + " already exists")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "--force")) << refused.err;
  EXPECT_EQ(read_hook(hook), foreign);
  auto kept = run_migra({"hook", "uninstall"});
  EXPECT_EQ(kept.exit_code, 1);
  EXPECT_TRUE(contains(kept.err, "leaving it")) << kept.err;
  EXPECT_EQ(read_hook(hook), foreign);

  auto forced = run_migra({"hook", "install", "--force"});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_TRUE(contains(forced.out, "replacing")) << forced.out;
  std::string ours = read_hook(hook);
  EXPECT_TRUE(contains(ours, "# installed by migra hook install\n")) << ours;

  auto again = run_migra({"hook", "install"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_FALSE(contains(again.out, "replacing")) << again.out;
  EXPECT_EQ(read_hook(hook), ours);
  // No temporary files are left beside it.
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(hook.parent_path())) {
    entries += e.path().filename().string().starts_with(".pre-commit.migra") ? 1 : 0;
  }
  EXPECT_EQ(entries, 0);

  auto removed = run_migra({"hook", "uninstall"});
  EXPECT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_FALSE(fs::exists(hook));
  auto nothing = run_migra({"hook", "uninstall"});
  EXPECT_EQ(nothing.exit_code, 0) << nothing.err;
  EXPECT_TRUE(contains(nothing.out, "nothing to remove")) << nothing.out;
}

TEST(HookInstall, CoreHooksPathIsHonoured) {
  Repo repo;
  ASSERT_EQ(repo.git({"config", "core.hooksPath", "ci/githooks"}).exit_code, 0);
  // From a sub-folder: the relative hooks path is still the repository's.
  fs::create_directories(repo.root() / "models");
  {
    ScopedCwd sub((repo.root() / "models").string());
    auto r = run_migra({"hook", "install"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_TRUE(fs::exists(repo.root() / "ci/githooks/pre-commit"));
  EXPECT_FALSE(fs::exists(repo.root() / ".git/hooks/pre-commit"));
  repo.stage("models/x.sql", kBroken);
  auto refused = repo.commit("broken");
  EXPECT_NE(refused.exit_code, 0) << refused.output;
  EXPECT_TRUE(contains(refused.output, "models/x.sql:1:24")) << refused.output;
}

TEST(HookInstall, OutsideARepositoryIsAClearError) {
  TempDir dir("migra-nogit");
  ScopedEnv ceiling("GIT_CEILING_DIRECTORIES", fs::path(dir.path()).parent_path().string());
  ScopedCwd cwd(dir.path());
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"hook", "install"}, {"hook", "uninstall"}, {"lint", "--staged"}}) {
    auto r = run_migra(args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_TRUE(contains(r.err, "error: not in a git repository: " + dir.path())) << r.err;
    EXPECT_TRUE(contains(r.err, "git init")) << r.err;
  }
  EXPECT_TRUE(dir.empty());
}

// .pre-commit-hooks.yaml: what the pre-commit framework reads from this repository.
YAML::Node hook_manifest(const std::string& id) {
  YAML::Node all = YAML::LoadFile(std::string(MIGRA_SOURCE_DIR) + "/.pre-commit-hooks.yaml");
  for (const auto& hook : all) {
    if (hook["id"].as<std::string>() == id) return hook;
  }
  ADD_FAILURE() << "no hook " << id;
  return {};
}

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST(PreCommitHooksYaml, HooksAreWellFormedAndTheirEntriesAreMigraCommands) {
  YAML::Node all = YAML::LoadFile(std::string(MIGRA_SOURCE_DIR) + "/.pre-commit-hooks.yaml");
  ASSERT_TRUE(all.IsSequence());
  std::vector<std::string> ids;
  for (const auto& hook : all) {
    ids.push_back(hook["id"].as<std::string>());
    for (const char* key : {"name", "description", "entry", "language"}) {
      EXPECT_TRUE(hook[key] && !hook[key].as<std::string>().empty()) << ids.back() << " " << key;
    }
    EXPECT_EQ(hook["language"].as<std::string>(), "system") << ids.back();
    // The entry is `migra SUBCOMMAND [--flags]`, each of which migra knows.
    auto entry = words(hook["entry"].as<std::string>());
    ASSERT_GE(entry.size(), 2u) << ids.back();
    EXPECT_EQ(entry[0], "migra");
    auto help = run_migra({entry[1], "--help"});
    EXPECT_EQ(help.exit_code, 0) << help.err;
    EXPECT_TRUE(contains(help.out, "Usage: migra " + entry[1] + " ")) << help.out;
    for (size_t i = 2; i < entry.size(); ++i) {
      EXPECT_TRUE(contains(help.out, entry[i])) << entry[i] << " in " << help.out;
    }
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"migra-lint", "migra-check"}));

  // pre-commit matches `files` with Python's re.search; these patterns mean the same in
  // ECMAScript.
  auto matches = [](const YAML::Node& hook, const std::string& path) {
    return std::regex_search(path, std::regex(hook["files"].as<std::string>()));
  };
  auto lint = hook_manifest("migra-lint");
  EXPECT_EQ(lint["entry"].as<std::string>(), "migra lint");
  EXPECT_TRUE(!lint["pass_filenames"] || lint["pass_filenames"].as<bool>());
  EXPECT_TRUE(matches(lint, "db/schema/orders.sql"));
  EXPECT_FALSE(matches(lint, "db/schema/orders.sql.orig"));
  EXPECT_FALSE(matches(lint, "migra.yaml"));

  auto check = hook_manifest("migra-check");
  EXPECT_EQ(check["entry"].as<std::string>(), "migra check");
  ASSERT_TRUE(check["pass_filenames"]);
  EXPECT_FALSE(check["pass_filenames"].as<bool>());
  EXPECT_TRUE(matches(check, "db/schema/orders.sql"));
  EXPECT_TRUE(matches(check, "migra.yaml"));
  EXPECT_TRUE(matches(check, "services/api/migra.yaml"));
  EXPECT_FALSE(matches(check, "not-migra.yaml"));
  EXPECT_FALSE(matches(check, "README.md"));
}

// Runs a manifest hook as the framework does: its entry's words, then the file names
// when it takes them.
CliResult run_hook(const std::string& id, const std::vector<std::string>& files) {
  auto hook = hook_manifest(id);
  auto argv = words(hook["entry"].as<std::string>());
  argv.erase(argv.begin());
  if (!hook["pass_filenames"] || hook["pass_filenames"].as<bool>()) {
    argv.insert(argv.end(), files.begin(), files.end());
  }
  return run_migra(argv);
}

TEST(PreCommitHooksYaml, EntriesDoTheirJobWhenRunAsTheFrameworkRunsThem) {
  Repo repo;
  repo.write("models/a.sql", kGood);
  repo.write("models/b.sql", "create view v as select id from t;\n");
  auto good = run_hook("migra-lint", {"models/a.sql", "models/b.sql"});
  EXPECT_EQ(good.exit_code, 0) << good.err;
  repo.write("models/b.sql", kBroken);
  auto bad = run_hook("migra-lint", {"models/a.sql", "models/b.sql"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(contains(bad.err, "models/b.sql:1:24")) << bad.err;

  // migra-check takes no file names: it compares the configured database with the models.
  TestDatabase db;
  repo.write("models/b.sql", "create view v as select id from t;\n");
  repo.write("migra.yaml", "models: [models]\ndatabase: " + db.url() + "\nscratch: " +
                               cluster().url("postgres") + "\n");
  auto drift = run_hook("migra-check", {"models/a.sql"});
  EXPECT_EQ(drift.exit_code, 2) << drift.err;
  db.load(std::string(kGood) + "create view v as select id from t;\n");
  auto in_sync = run_hook("migra-check", {"models/a.sql"});
  EXPECT_EQ(in_sync.exit_code, 0) << in_sync.err << in_sync.out;
}

}  // namespace
}  // namespace migra::test
