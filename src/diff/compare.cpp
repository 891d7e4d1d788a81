#include "diff/compare.h"

#include <algorithm>

namespace migra::diff {
namespace {

void strip_privileges(nlohmann::json& j) {
  if (j.is_object()) {
    j.erase("acl");
    j.erase("owner");
    for (auto& [k, v] : j.items()) strip_privileges(v);
  } else if (j.is_array()) {
    for (auto& v : j) strip_privileges(v);
  }
}

}  // namespace

nlohmann::json comparable_model(const model::Model& m, const DiffOptions& options) {
  auto j = model::to_json_document(m);
  j.erase("server_version_num");
  if (!options.with_privileges) {
    strip_privileges(j);
    j.erase("default_privileges");
  }
  if (options.ignore_extension_versions) {
    for (auto& e : j["extensions"]) e.erase("version");
    // Other versions own other objects; the diff leaves them to their extension anyway.
    for (auto& [kind, objects] : j.items()) {
      if (!objects.is_array()) continue;
      objects.erase(std::remove_if(objects.begin(), objects.end(),
                                   [](const nlohmann::json& o) {
                                     return o.is_object() && o.contains("extension") &&
                                            !o["extension"].is_null();
                                   }),
                    objects.end());
    }
  }
  for (auto& t : j["tables"]) {
    auto& cols = t["columns"];
    std::sort(cols.begin(), cols.end(), [](const nlohmann::json& a, const nlohmann::json& b) {
      return a["name"].get<std::string>() < b["name"].get<std::string>();
    });
  }
  return j;
}

}  // namespace migra::diff
