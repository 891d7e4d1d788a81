#pragma once
/// Reads a live database into a model::Model with a fixed set of catalog queries.
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "model/model.h"

namespace migra::catalog {

/// Which schemas to read.
struct InspectOptions {
  std::vector<std::string> schemas;          ///< only these (empty: all)
  std::vector<std::string> exclude_schemas;  ///< never these
  std::string label = "database";  ///< names the source in --verbose timings
};

/// Inspects everything in one repeatable-read, read-only snapshot.
model::Model inspect(pqxx::connection& connection, const InspectOptions& options = {});

}  // namespace migra::catalog
