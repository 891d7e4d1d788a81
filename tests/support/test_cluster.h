#pragma once
/// Databases for integration tests, on the same ephemeral cluster the product uses.
#include <memory>
#include <string>

#include <pqxx/pqxx>

#include "catalog/inspector.h"
#include "model/model.h"
#include "source/ephemeral_cluster.h"

namespace migra::test {

/// The cluster of this test process, started on first use with the roles the shared
/// fixtures expect (postgres, schemainspect_test_role).
EphemeralCluster& cluster();

/// Stops the cluster (called once at the end of the test process).
void stop_cluster();

/// A fresh, uniquely named database, dropped when this goes out of scope.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string conninfo() const;
  [[nodiscard]] std::string url() const;
  /// Runs SQL through psql with ON_ERROR_STOP; fails the test on error, the message
  /// starting with `context` when given.
  void load(const std::string& sql, const std::string& context = "") const;
  /// Runs a file through psql with ON_ERROR_STOP; fails the test on error.
  void load_file(const std::string& path, const std::string& context = "") const;
  /// Inspects this database.
  [[nodiscard]] model::Model inspect(const catalog::InspectOptions& options = {}) const;
  /// A connection to this database.
  [[nodiscard]] std::unique_ptr<pqxx::connection> connect() const;

 private:
  std::string name_;
};

/// Result of running the migra binary.
struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs the built migra executable with arguments; captures stdout and stderr.
CliResult run_migra(const std::vector<std::string>& args);

/// Reads a whole file.
std::string read_text(const std::string& path);

}  // namespace migra::test
