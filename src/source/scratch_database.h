#pragma once
/// A throwaway database to load model files into: on a configured server (a uniquely
/// named database from template0) or on an ephemeral cluster. Gone after, on every exit
/// path, SIGINT included.
#include <memory>
#include <string>

#include "source/ephemeral_cluster.h"
#include "sql/load_plan.h"

namespace migra::source {

/// Picks the scratch server: "ephemeral", a server URL, or "auto" (the URL in
/// $MIGRA_SCRATCH_URL when set, else ephemeral).
std::string resolve_scratch(const std::string& setting);

/// Names where model files would be loaded, server version included, e.g.
/// "ephemeral postgres (PostgreSQL) 15.14"; connects to a scratch server to ask it.
std::string scratch_identity(const std::string& setting);

/// Owns a scratch database; the destructor drops it (and stops its cluster).
class ScratchDatabase {
 public:
  /// Creates an empty database. `setting` as for resolve_scratch. Throws migra::Error.
  static std::unique_ptr<ScratchDatabase> create(const std::string& setting = "auto");
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  [[nodiscard]] std::string conninfo() const;

  /// Runs a load plan in one transaction with check_function_bodies off. A failing
  /// statement throws sql::ModelError at its model file's path:line:column.
  void load(const sql::LoadPlan& plan) const;

 private:
  ScratchDatabase() = default;
  void drop() noexcept;

  std::unique_ptr<EphemeralCluster> cluster_;
  std::string server_;  ///< maintenance connection string (server mode)
  std::string dbname_;
  int cleanup_handle_ = 0;
};

}  // namespace migra::source
