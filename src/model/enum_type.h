#pragma once
#include "model/common.h"

namespace migra::model {

/// An enum type; labels in sort order.
struct EnumType {
  std::string schema;
  std::string name;
  std::vector<std::string> labels;
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const EnumType&) const = default;
};
MIGRA_MODEL_FIELDS(EnumType, schema, name, labels, owner, comment, acl, extension)

}  // namespace migra::model
