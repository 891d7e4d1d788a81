#include "source/ephemeral_cluster.h"

#include <libpq-fe.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "source/cache_dir.h"
#include "source/cluster_template.h"
#include "source/connection.h"
#include "source/pg_binaries.h"
#include "util/cleanup.h"
#include "util/error.h"
#include "util/files.h"
#include "util/timing.h"

namespace fs = std::filesystem;

namespace migra {
namespace {

constexpr int kPort = 5432;  // only names the socket file; the directory is private

// Memory-backed /dev/shm makes initdb several times faster than a disk; it is used when
// TMPDIR is not set and it has room to spare (container defaults can be tiny).
std::string temp_root() {
  const char* tmp = std::getenv("TMPDIR");
  if (tmp && *tmp) return tmp;
  struct statvfs fs {};
  constexpr unsigned long long kNeeded = 512ULL << 20;
  if (access("/dev/shm", W_OK | X_OK) == 0 && statvfs("/dev/shm", &fs) == 0 &&
      static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize >= kNeeded) {
    return "/dev/shm";
  }
  return "/tmp";
}

std::string make_temp_dir() {
  std::string pattern = temp_root() + "/migra-XXXXXX";
  if (!mkdtemp(pattern.data())) {
    throw Error("cannot create a temporary directory " + pattern + ": " + strerror(errno),
                "check that TMPDIR (or /tmp) exists and is writable");
  }
  return pattern;
}

std::optional<OsUser> server_user(const ClusterOptions& options) {
  if (geteuid() != 0) return std::nullopt;
  std::string name = options.run_as;
  if (name.empty()) {
    const char* env = std::getenv("MIGRA_PG_USER");
    name = env && *env ? env : "postgres";
  }
  auto user = find_os_user(name);
  if (!user) {
    throw Error("migra runs as root, and PostgreSQL refuses to run as root; the OS user '" +
                    name + "' to run the throwaway cluster as does not exist",
                "create it (useradd --system " + name +
                    "), set MIGRA_PG_USER to another unprivileged user, or run migra as a "
                    "normal user");
  }
  return user;
}

std::string tail_of(const std::string& text, size_t max_lines = 12) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::string out;
  for (size_t i = lines.size() > max_lines ? lines.size() - max_lines : 0; i < lines.size(); ++i) {
    out += "\n  " + lines[i];
  }
  return out;
}

// The server log, or "" when there is none yet.
std::string read_log(const std::string& path) { return read_file(path).value_or(""); }

void kill_and_reap(pid_t pid) noexcept {
  if (pid <= 0) return;
  // Immediate shutdown: the data is thrown away, so nothing needs flushing.
  kill(pid, SIGQUIT);
  int status = 0;
  for (int i = 0; i < 500; ++i) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD)) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
}

}  // namespace

namespace {

// initdb's arguments apart from the data directory; part of the template cache key.
std::vector<std::string> initdb_arguments(const ClusterOptions& options) {
  // 1 MB WAL segments: a smaller directory to create, copy and cache.
  return {"-U", options.superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync",
          "--no-instructions", "--wal-segsize=1"};
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

void run_initdb(const std::string& bindir, const std::string& data, const ClusterOptions& options,
                const std::optional<OsUser>& user) {
  PhaseTimer timer("initdb");
  std::vector<std::string> argv{bindir + "/initdb", "-D", data};
  for (auto& a : initdb_arguments(options)) argv.push_back(std::move(a));
  auto init = run_process(argv, user);
  if (init.exit_code != 0) {
    throw Error("initdb failed for the throwaway cluster (exit " +
                    std::to_string(init.exit_code) + "):" + tail_of(init.output),
                "check that " + bindir + "/initdb works for this user");
  }
}

// Starts the postmaster and waits for it. False when it exits while starting (its log
// is left in `log`); throws when it neither starts nor exits within a minute.
bool start_postmaster(const std::string& bindir, const std::string& dir, const std::string& data,
                      const std::string& log, const std::string& ping_conninfo,
                      const std::optional<OsUser>& user, std::atomic<pid_t>& postmaster) {
  PhaseTimer timer("start server");
  postmaster = spawn_process(
      {bindir + "/postgres", "-D", data, "-k", dir, "-p", std::to_string(kPort), "-c",
       "listen_addresses=", "-c", "fsync=off", "-c", "full_page_writes=off", "-c",
       "synchronous_commit=off", "-c", "shared_buffers=32MB", "-c", "max_connections=40",
       // Model files load in one transaction, which locks every relation it creates:
       // thousands of tables need far more than the default 64 x 40 lock slots.
       "-c", "max_locks_per_transaction=2048", "-c",
       "max_wal_senders=0", "-c", "wal_level=minimal", "-c", "autovacuum=off", "-c",
       "logging_collector=off", "-c", "log_min_messages=warning", "-c", "unix_socket_permissions=0777",
       // Dynamic shared memory as files in the data directory, so an immediate shutdown
       // leaves no segment behind in /dev/shm.
       "-c", "dynamic_shared_memory_type=mmap"},
      user, log);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    if (PQping(ping_conninfo.c_str()) == PQPING_OK) return true;
    int status = 0;
    pid_t pid = postmaster;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      postmaster = -1;
      return false;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      throw Error("the throwaway PostgreSQL server did not accept connections within 60 s:" +
                  tail_of(read_log(log)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace

std::unique_ptr<EphemeralCluster> EphemeralCluster::start(const ClusterOptions& options) {
  PhaseTimer timer("cluster start");
  install_signal_cleanup();
  std::string bindir = options.bindir.empty() ? find_pg_bindir() : options.bindir;
  auto user = server_user(options);

  std::unique_ptr<EphemeralCluster> cluster(new EphemeralCluster());
  cluster->superuser_ = options.superuser;
  cluster->dir_ = make_temp_dir();
  // Registered before anything runs in the directory, so even a Ctrl-C during initdb
  // leaves nothing behind.
  std::string dir = cluster->dir_;
  cluster->state_->dir = dir;
  cluster->cleanup_handle_ = register_cleanup([state = cluster->state_] { stop(*state); });

  if (user && chown(dir.c_str(), user->uid, user->gid) != 0) {
    throw Error("cannot hand " + dir + " to user " + user->name + ": " + strerror(errno));
  }
  std::string data = dir + "/data";
  std::string log = dir + "/server.log";
  std::string ping = cluster->conninfo("postgres") + " connect_timeout=2";

  // A cached initdb result turns the slowest step into a copy; every file is checked
  // against its hash, and a server that will not start from it gets a real initdb.
  auto cache = cache_root();
  std::optional<TemplateKey> key;
  if (cache) {
    ClusterOptions resolved = options;
    resolved.bindir = bindir;
    key = template_key(resolved);
  }
  if (key && restore_cluster_template(*cache, *key, data, user)) {
    if (start_postmaster(bindir, dir, data, log, ping, user, cluster->state_->postmaster)) {
      return cluster;
    }
    log_verbose("cache: the server would not start from the cached template; rebuilding it:" +
                tail_of(read_log(log), 4));
    discard_cluster_template(*cache, *key);
    std::error_code ec;
    fs::remove_all(data, ec);
    fs::remove(log, ec);
  }
  run_initdb(bindir, data, options, user);
  if (key) save_cluster_template(*cache, *key, data);
  if (!start_postmaster(bindir, dir, data, log, ping, user, cluster->state_->postmaster)) {
    throw Error("the throwaway PostgreSQL server exited while starting:" + tail_of(read_log(log)));
  }
  return cluster;
}

TemplateKey EphemeralCluster::template_key(const ClusterOptions& options) {
  std::string bindir = options.bindir.empty() ? find_pg_bindir() : options.bindir;
  return TemplateKey{server_version_string(bindir), bindir, joined(initdb_arguments(options))};
}

EphemeralCluster::~EphemeralCluster() {
  PhaseTimer timer("cluster stop");
  unregister_cleanup(cleanup_handle_);
  stop(*state_);
}

void EphemeralCluster::stop(State& state) noexcept {
  // The main thread and the signal thread may both get here: one stops, the other waits.
  std::lock_guard lock(state.stopping);
  kill_and_reap(state.postmaster.exchange(-1));
  if (!state.dir.empty()) {
    std::error_code ec;
    fs::remove_all(state.dir, ec);
  }
}

std::string EphemeralCluster::conninfo(const std::string& dbname) const {
  return "host=" + conninfo_quote(dir_) + " port=" + std::to_string(kPort) +
         " user=" + conninfo_quote(superuser_) + " dbname=" + conninfo_quote(dbname);
}

std::string EphemeralCluster::url(const std::string& dbname) const {
  // Percent-encode the socket directory for the host query parameter.
  std::string host;
  for (unsigned char c : dir_) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      host += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      host += buf;
    }
  }
  return "postgresql://" + superuser_ + "@/" + dbname + "?host=" + host +
         "&port=" + std::to_string(kPort);
}

}  // namespace migra
