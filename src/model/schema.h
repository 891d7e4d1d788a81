#pragma once
#include "model/common.h"

namespace migra::model {

/// A namespace (CREATE SCHEMA).
struct Schema {
  std::string name;
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;  ///< owning extension, if any
  [[nodiscard]] std::string key() const { return quote_ident(name); }
  bool operator==(const Schema&) const = default;
};
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Schema, name, owner, comment, acl, extension)

}  // namespace migra::model
