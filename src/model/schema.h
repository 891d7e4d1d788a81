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
MIGRA_MODEL_FIELDS(Schema, name, owner, comment, acl, extension)

}  // namespace migra::model
