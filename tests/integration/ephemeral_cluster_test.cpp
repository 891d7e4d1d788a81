// The throwaway cluster: concurrent clusters don't collide, and nothing (directory or
// server process) outlives its owner, whether it ends normally, by exception or by SIGINT.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <barrier>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "source/connection.h"
#include "source/ephemeral_cluster.h"
#include "support/scoped.h"
#include "support/test_cluster.h"
#include "support/test_cluster.h"
#include "util/error.h"

extern char** environ;

namespace migra::test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kChildFdVariable = "MIGRA_TEST_CLUSTER_CHILD_FD";

/// The postmaster's pid, from the first line of postmaster.pid.
pid_t postmaster_pid(const std::string& cluster_dir) {
  std::string text = read_text(cluster_dir + "/data/postmaster.pid");
  return text.empty() ? -1 : static_cast<pid_t>(std::stol(text));
}

bool process_exists(pid_t pid) { return pid > 0 && (kill(pid, 0) == 0 || errno != ESRCH); }

/// Processes whose working directory or command line lies in dir: the postmaster
/// (-D dir/data) and every backend (they chdir into the data directory).
std::vector<pid_t> processes_in(const std::string& dir) {
  std::vector<pid_t> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/proc", ec)) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    auto cwd = fs::read_symlink(entry.path() / "cwd", ec);
    std::string cmdline = read_text((entry.path() / "cmdline").string());
    if ((!ec && cwd.string().starts_with(dir + "/")) ||
        cmdline.find(dir + "/") != std::string::npos) {
      out.push_back(static_cast<pid_t>(std::stol(name)));
    }
  }
  return out;
}

/// Writes all of text to fd; only what a forked child may call.
void write_all(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

/// Reads one line from fd, waiting at most timeout_ms; empty on EOF or timeout.
std::string read_line(int fd, int timeout_ms) {
  std::string line;
  char c = 0;
  while (true) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) <= 0) return {};
    if (read(fd, &c, 1) != 1) return {};
    if (c == '\n') return line;
    line += c;
  }
}

/// Thrown by a child once its cluster runs (distinct from migra::Error, a start failure).
struct AfterStart : std::exception {};

/// What a child that owned a cluster reported before it ended.
struct ChildReport {
  std::string dir;
  pid_t postmaster = -1;
};

/// Starts a cluster and reports "dir\npostmaster pid\n" on fd.
std::unique_ptr<EphemeralCluster> start_and_report(int fd) {
  auto c = EphemeralCluster::start();
  write_all(fd, c->directory() + "\n" + std::to_string(postmaster_pid(c->directory())) + "\n");
  return c;
}

ChildReport read_report(int fd) {
  ChildReport r;
  r.dir = read_line(fd, 60'000);
  std::string pid = read_line(fd, 5'000);
  if (!pid.empty()) r.postmaster = static_cast<pid_t>(std::stol(pid));
  return r;
}

int wait_exit_code(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

void expect_nothing_left(const ChildReport& r) {
  if (r.dir.empty()) {
    ADD_FAILURE() << "no cluster directory to check";
    return;
  }
  EXPECT_FALSE(fs::exists(r.dir)) << r.dir << " was left behind";
  EXPECT_FALSE(process_exists(r.postmaster)) << "postmaster " << r.postmaster << " still runs";
  EXPECT_TRUE(processes_in(r.dir).empty()) << "server processes still run in " << r.dir;
}

// The child side of SigintRemovesDirectoryAndServer, run in a re-executed copy of this
// binary: a forked child can't get migra's signal handling (see that test).
TEST(EphemeralClusterChild, OwnsClusterUntilSignalled) {
  const char* fd_text = std::getenv(kChildFdVariable);
  if (!fd_text) GTEST_SKIP() << "runs only as the child of SigintRemovesDirectoryAndServer";
  int fd = std::atoi(fd_text);
  auto c = start_and_report(fd);
  close(fd);
  // SIGINT arrives meanwhile; migra's signal thread cleans up and exits with 130.
  std::this_thread::sleep_for(std::chrono::seconds(60));
  ADD_FAILURE() << "no signal arrived";
}

TEST(EphemeralCluster, DirectoryAndServerGoneAfterDestruction) {
  auto c = EphemeralCluster::start();
  std::string dir = c->directory();
  ASSERT_TRUE(fs::is_directory(dir + "/data"));
  pid_t pid = postmaster_pid(dir);
  ASSERT_TRUE(process_exists(pid));
  EXPECT_FALSE(processes_in(dir).empty());
  {
    auto conn = migra::connect(c->conninfo("postgres"));
    pqxx::nontransaction tx(*conn);
    EXPECT_EQ(tx.exec1("select current_setting('data_directory')")[0].as<std::string>(),
              dir + "/data");
  }
  c.reset();
  expect_nothing_left({dir, pid});
}

TEST(EphemeralCluster, TwoConcurrentClustersDoNotCollide) {
  constexpr int kClusters = 2;
  std::vector<std::string> dirs(kClusters), data_dirs(kClusters), errors(kClusters);
  std::vector<pid_t> pids(kClusters, -1);
  // Every cluster is started and used before any is stopped.
  std::barrier started(kClusters), used(kClusters);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClusters; ++i) {
    threads.emplace_back([&, i] {
      std::unique_ptr<EphemeralCluster> c;
      try {
        started.arrive_and_wait();  // start at the same moment
        c = EphemeralCluster::start();
        dirs[i] = c->directory();
        pids[i] = postmaster_pid(dirs[i]);
        {
          auto conn = migra::connect(c->conninfo("postgres"));
          pqxx::nontransaction tx(*conn);
          tx.exec0("create database same_name");
        }
        auto conn = migra::connect(c->conninfo("same_name"));
        pqxx::nontransaction tx(*conn);
        data_dirs[i] = tx.exec1("select current_setting('data_directory')")[0].as<std::string>();
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
      used.arrive_and_wait();
      c.reset();
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kClusters; ++i) {
    EXPECT_EQ(errors[i], "") << "cluster " << i;
    EXPECT_EQ(data_dirs[i], dirs[i] + "/data") << "cluster " << i;
    expect_nothing_left({dirs[i], pids[i]});
  }
  EXPECT_NE(dirs[0], dirs[1]);
  EXPECT_NE(pids[0], pids[1]);
}

// Fails today: util/process.cpp sets PR_SET_PDEATHSIG in the server's child, and Linux
// sends that signal when the *thread* that forked it ends, not the process. Enable once
// a cluster may be started from a short-lived thread.
TEST(EphemeralCluster, ClusterOutlivesTheThreadThatStartedIt) {
  std::unique_ptr<EphemeralCluster> c;
  std::thread([&] { c = EphemeralCluster::start(); }).join();
  ASSERT_TRUE(c);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_NO_THROW(migra::connect(c->conninfo("postgres")));
}

TEST(EphemeralCluster, ExceptionAfterStartRemovesDirectoryAndServer) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(fds[0]);
    int code = 2;
    try {
      auto c = start_and_report(fds[1]);
      throw AfterStart();
    } catch (const AfterStart&) {
      code = 0;  // unwound through the cluster's destructor
    } catch (...) {
      code = 3;
    }
    _exit(code);
  }
  close(fds[1]);
  ChildReport report = read_report(fds[0]);
  close(fds[0]);
  int code = wait_exit_code(child);
  ASSERT_FALSE(report.dir.empty()) << "the child reported no cluster";
  EXPECT_GT(report.postmaster, 0);
  EXPECT_EQ(code, 0);
  expect_nothing_left(report);
}

// In a plain forked child, install_signal_cleanup() is a no-op: its once-flag was set
// in this (parent) process, while its signal thread did not survive the fork, so SIGINT
// stays blocked and pending. The child therefore re-executes this binary, which calls
// install_signal_cleanup() in main() like migra does.
TEST(EphemeralCluster, SigintRemovesDirectoryAndServer) {
  int fds[2];
  ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
  std::string fd_setting = std::string(kChildFdVariable) + "=" + std::to_string(fds[1]);
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    if (!std::string(*e).starts_with(std::string(kChildFdVariable) + "=")) env.emplace_back(*e);
  }
  env.push_back(fd_setting);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string exe = fs::read_symlink("/proc/self/exe").string();
  std::string filter = "--gtest_filter=EphemeralClusterChild.OwnsClusterUntilSignalled";
  std::vector<char*> argv{exe.data(), filter.data(), nullptr};

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Only async-signal-safe calls until exec.
    close(fds[0]);
    fcntl(fds[1], F_SETFD, 0);  // keep the write end across exec
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, STDOUT_FILENO);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  close(fds[1]);
  ChildReport report = read_report(fds[0]);
  close(fds[0]);
  if (report.dir.empty()) {
    kill(child, SIGKILL);
    wait_exit_code(child);
    FAIL() << "the child reported no cluster";
  }
  EXPECT_TRUE(fs::is_directory(report.dir + "/data"));
  EXPECT_TRUE(process_exists(report.postmaster));
  EXPECT_FALSE(processes_in(report.dir).empty());

  ASSERT_EQ(kill(child, SIGINT), 0);
  EXPECT_EQ(wait_exit_code(child), 128 + SIGINT);
  expect_nothing_left(report);
}

/// The cluster directories (migra-*) in tmpdir.
std::vector<std::string> clusters_in(const std::string& tmpdir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(tmpdir, ec)) {
    if (entry.path().filename().string().starts_with("migra-")) out.push_back(entry.path());
  }
  return out;
}

// The same through the product: Ctrl-C while `migra inspect` runs a model statement.
TEST(EphemeralCluster, SigintToMigraDuringModelLoad) {
  TempDir models{"migra-cluster-test"};
  TempDir tmp{"migra-cluster-test"};
  std::string file = models.path() + "/slow.sql";
  {
    std::FILE* f = std::fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("create table t ();\nselect pg_catalog.pg_sleep(60);\n", f);
    std::fclose(f);
  }
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    if (!std::string(*e).starts_with("TMPDIR=")) env.emplace_back(*e);
  }
  env.push_back("TMPDIR=" + tmp.path());
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string exe = MIGRA_BINARY, cmd = "inspect";
  std::vector<char*> argv{exe.data(), cmd.data(), file.data(), nullptr};
  std::string err_path = models.path() + "/stderr.txt";

  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // migra takes signals on its own thread; it must not start with them blocked.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    int devnull = open("/dev/null", O_WRONLY);
    if (devnull >= 0) dup2(devnull, STDOUT_FILENO);
    int errfile = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (errfile >= 0) dup2(errfile, STDERR_FILENO);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }

  // Wait until the model's pg_sleep runs on the scratch cluster.
  ChildReport report;
  bool sleeping = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!sleeping && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    auto dirs = clusters_in(tmp.path());
    if (dirs.size() != 1 || !fs::exists(dirs[0] + "/data/postmaster.pid")) continue;
    report = {dirs[0], postmaster_pid(dirs[0])};
    try {
      auto conn = migra::connect("host=" + report.dir + " port=5432 dbname=postgres user=" +
                                  ClusterOptions{}.superuser);
      pqxx::nontransaction tx(*conn);
      sleeping = tx.exec1("select count(*) from pg_catalog.pg_stat_activity"
                          " where query like '%pg_sleep(60)%' and pid <> pg_backend_pid()")[0]
                     .as<int>() == 1;
    } catch (const std::exception&) {
      // Not accepting connections yet.
    }
  }
  if (!sleeping) {
    kill(child, SIGKILL);
    wait_exit_code(child);
    FAIL() << "migra never ran the model's pg_sleep";
  }
  ASSERT_EQ(kill(child, SIGINT), 0);
  EXPECT_EQ(wait_exit_code(child), 128 + SIGINT) << "migra's stderr:\n" << read_text(err_path);
  expect_nothing_left(report);
  EXPECT_TRUE(clusters_in(tmp.path()).empty());
}

/// The OS user the cluster runs as when started as root.
std::string expected_server_user() {
  const char* env = std::getenv("MIGRA_PG_USER");
  return env && *env ? env : "postgres";
}

TEST(EphemeralCluster, RunsAsUnprivilegedUserWhenRoot) {
  if (geteuid() != 0) GTEST_SKIP() << "not running as root";
  auto user = find_os_user(expected_server_user());
  ASSERT_TRUE(user) << "no OS user " << expected_server_user();
  auto c = EphemeralCluster::start();
  struct stat st {};
  ASSERT_EQ(stat((c->directory() + "/data").c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, user->uid) << "data directory owner";
  pid_t pid = postmaster_pid(c->directory());
  ASSERT_EQ(stat(("/proc/" + std::to_string(pid)).c_str(), &st), 0);
  EXPECT_EQ(st.st_uid, user->uid) << "postmaster's user";
}

TEST(EphemeralCluster, MissingServerUserIsAClearError) {
  if (geteuid() != 0) GTEST_SKIP() << "MIGRA_PG_USER is used only when running as root";
  TempDir tmp{"migra-cluster-test"};
  ScopedEnv tmpdir("TMPDIR", tmp.path());
  ScopedEnv user("MIGRA_PG_USER", "nonexistent-user");
  try {
    auto c = EphemeralCluster::start();
    ADD_FAILURE() << "started as user nonexistent-user";
  } catch (const Error& e) {
    std::string text = std::string(e.what()) + " " + e.hint();
    EXPECT_NE(text.find("MIGRA_PG_USER"), std::string::npos) << text;
    EXPECT_NE(text.find("nonexistent-user"), std::string::npos) << text;
  }
  EXPECT_TRUE(fs::is_empty(tmp.path())) << "a directory was created in " << tmp.path();

  // The same through the CLI: exit 1, one line.
  TempDir models{"migra-cluster-test"};
  std::string file = models.path() + "/m.sql";
  {
    std::FILE* f = std::fopen(file.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("create table t ();\n", f);
    std::fclose(f);
  }
  auto r = run_migra({"inspect", file});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("MIGRA_PG_USER"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace migra::test
