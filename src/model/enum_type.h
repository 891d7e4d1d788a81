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
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EnumType, schema, name, labels, owner, comment, acl,
                                                extension)

}  // namespace migra::model
