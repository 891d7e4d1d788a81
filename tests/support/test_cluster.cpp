#include "support/test_cluster.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <mutex>
#include <sstream>

#include <gtest/gtest.h>

#include "source/connection.h"
#include "source/pg_binaries.h"
#include "util/process.h"

extern char** environ;

namespace migra::test {
namespace {

std::unique_ptr<EphemeralCluster>& cluster_slot() {
  static std::unique_ptr<EphemeralCluster> c;
  return c;
}

std::string psql_path() {
  static const std::string path = find_pg_bindir() + "/psql";
  return access(path.c_str(), X_OK) == 0 ? path : std::string("/usr/bin/psql");
}

std::string temp_path(const char* what) {
  std::string p = "/tmp/migra-test-" + std::string(what) + "-XXXXXX";
  int fd = mkstemp(p.data());
  if (fd >= 0) close(fd);
  return p;
}

}  // namespace

EphemeralCluster& cluster() {
  static std::mutex m;
  std::lock_guard lock(m);
  auto& c = cluster_slot();
  if (!c) {
    c = EphemeralCluster::start();
    auto conn = migra::connect(c->conninfo("postgres"));
    pqxx::nontransaction tx(*conn);
    tx.exec0("create role postgres superuser");
    tx.exec0("create role schemainspect_test_role");
  }
  return *c;
}

void stop_cluster() { cluster_slot().reset(); }

TestDatabase::TestDatabase() {
  static std::atomic<int> counter{0};
  name_ = "migra_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  auto conn = migra::connect(cluster().conninfo("postgres"));
  pqxx::nontransaction tx(*conn);
  tx.exec0("create database " + tx.quote_name(name_) + " template template0");
}

TestDatabase::~TestDatabase() {
  try {
    auto conn = migra::connect(cluster().conninfo("postgres"));
    pqxx::nontransaction tx(*conn);
    tx.exec0("drop database if exists " + tx.quote_name(name_) + " with (force)");
  } catch (...) {
    // The cluster goes away at the end anyway.
  }
}

std::string TestDatabase::conninfo() const { return cluster().conninfo(name_); }
std::string TestDatabase::url() const { return cluster().url(name_); }

void TestDatabase::load(const std::string& sql, const std::string& context) const {
  std::string path = temp_path("sql");
  {
    std::ofstream f(path);
    f << sql;
  }
  load_file(path, context);
  unlink(path.c_str());
}

void TestDatabase::load_file(const std::string& path, const std::string& context) const {
  auto r = run_process({psql_path(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", conninfo(), "-f",
                        path});
  ASSERT_EQ(r.exit_code, 0) << (context.empty() ? "" : context + ": ") << "loading " << path
                            << " failed:\n" << r.output;
}

model::Model TestDatabase::inspect(const catalog::InspectOptions& options) const {
  auto conn = connect();
  return catalog::inspect(*conn, options);
}

std::unique_ptr<pqxx::connection> TestDatabase::connect() const {
  return migra::connect(conninfo());
}

CliResult run_migra(const std::vector<std::string>& args) {
  std::string out_path = temp_path("out"), err_path = temp_path("err");
  std::vector<std::string> argv{MIGRA_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_TRUNC, 0);
  // The test process blocks SIGINT/SIGTERM for its signal thread; the child must not.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  pid_t pid = -1;
  CliResult result;
  if (posix_spawn(&pid, cargv[0], &actions, &attr, cargv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  result.out = read_text(out_path);
  result.err = read_text(err_path);
  unlink(out_path.c_str());
  unlink(err_path.c_str());
  return result;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace migra::test
