#include "catalog/embedded_queries.h"
#include "util/error.h"

namespace migra::catalog {

const std::string& query_for(const std::string& kind) {
  const auto& all = embedded_queries();
  auto it = all.find(kind);
  if (it == all.end()) throw Error("internal error: no catalog query for " + kind);
  return it->second;
}

}  // namespace migra::catalog
