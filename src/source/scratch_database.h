#pragma once
/// A throwaway database to load model files into, on an ephemeral cluster.
#include <memory>
#include <string>
#include <vector>

#include "source/ephemeral_cluster.h"

namespace migra::source {

/// Owns a scratch database (and the cluster holding it); both are gone after.
class ScratchDatabase {
 public:
  /// Starts an ephemeral cluster with an empty database. Throws migra::Error.
  static std::unique_ptr<ScratchDatabase> create();
  [[nodiscard]] std::string conninfo() const;

  /// Executes model files in order. Errors name the file. Throws migra::Error.
  void load_files(const std::vector<std::string>& files) const;

 private:
  std::unique_ptr<EphemeralCluster> cluster_;
  std::string dbname_;
};

}  // namespace migra::source
