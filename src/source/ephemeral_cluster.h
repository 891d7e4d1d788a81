#pragma once
/// A throwaway PostgreSQL cluster: initdb into a fresh temp dir, unix socket in that dir
/// only, fast unsafe settings. Stopped and removed on every exit path, SIGINT included.
#include <sys/types.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "source/cluster_template.h"
#include "util/process.h"

namespace migra {

/// How to start an ephemeral cluster.
struct ClusterOptions {
  std::string bindir;        ///< empty: find_pg_bindir()
  std::string run_as;        ///< OS user when started as root; empty: $MIGRA_PG_USER or "postgres"
  std::string superuser = "migra";  ///< bootstrap superuser (deliberately not "postgres")
};

/// One running throwaway cluster; the destructor stops it and removes its directory.
class EphemeralCluster {
 public:
  /// Starts a cluster and waits until it accepts connections. Throws migra::Error.
  static std::unique_ptr<EphemeralCluster> start(const ClusterOptions& options = {});
  /// The template-cache key start() uses for these options.
  static TemplateKey template_key(const ClusterOptions& options = {});
  ~EphemeralCluster();
  EphemeralCluster(const EphemeralCluster&) = delete;
  EphemeralCluster& operator=(const EphemeralCluster&) = delete;

  /// libpq key=value connection string for a database on this cluster.
  [[nodiscard]] std::string conninfo(const std::string& dbname = "postgres") const;
  /// postgresql:// URL for a database on this cluster.
  [[nodiscard]] std::string url(const std::string& dbname = "postgres") const;
  [[nodiscard]] const std::string& directory() const { return dir_; }
  [[nodiscard]] const std::string& superuser() const { return superuser_; }

 private:
  /// What stopping needs, shared with the signal-cleanup action so that action never
  /// touches a cluster object the main thread may be destroying at the same moment.
  struct State {
    std::mutex stopping;  ///< two threads removing one tree would trip over each other
    std::string dir;
    std::atomic<pid_t> postmaster{-1};
  };
  static void stop(State& state) noexcept;

  EphemeralCluster() = default;

  std::shared_ptr<State> state_ = std::make_shared<State>();
  std::string dir_;
  std::string superuser_;
  int cleanup_handle_ = 0;
};

}  // namespace migra
