#include <climits>

#include "catalog/embedded_queries.h"
#include "util/error.h"

namespace migra::catalog {

const std::string& query_for(const std::string& kind, int server_version_num) {
  const auto& all = embedded_queries();
  // Among the "<kind>__pgNN" variants, the one with the smallest NN above the server's
  // major version wins; the plain file serves everything newer.
  const std::string* best = nullptr;
  int best_major = INT_MAX;
  int major = server_version_num / 10000;
  std::string prefix = kind + "__pg";
  for (auto it = all.lower_bound(prefix); it != all.end() && it->first.starts_with(prefix); ++it) {
    int below = std::stoi(it->first.substr(prefix.size()));
    if (major < below && below < best_major) {
      best = &it->second;
      best_major = below;
    }
  }
  if (best) return *best;
  auto it = all.find(kind);
  if (it == all.end()) throw Error("internal error: no catalog query for " + kind);
  return it->second;
}

}  // namespace migra::catalog
