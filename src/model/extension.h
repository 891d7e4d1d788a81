#pragma once
#include "model/common.h"

namespace migra::model {

/// An installed extension (CREATE EXTENSION).
struct Extension {
  std::string name;
  std::string schema;
  std::string version;
  bool relocatable = false;
  std::optional<std::string> comment;
  [[nodiscard]] std::string key() const { return quote_ident(name); }
  bool operator==(const Extension&) const = default;
};
MIGRA_MODEL_FIELDS(Extension, name, schema, version, relocatable, comment)

}  // namespace migra::model
