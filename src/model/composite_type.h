#pragma once
#include "model/common.h"

namespace migra::model {

/// An attribute of a composite type.
struct CompositeAttribute {
  std::string name;
  std::string type;
  std::optional<std::string> collation;  ///< only when it differs from the type's
  std::optional<std::string> comment;
  std::optional<std::string> type_key;   ///< user-defined type it uses (arrays: element)
  bool operator==(const CompositeAttribute&) const = default;
};
MIGRA_MODEL_FIELDS(CompositeAttribute, name, type, collation, comment, type_key)

/// A stand-alone composite type (CREATE TYPE ... AS (...)).
struct CompositeType {
  std::string schema;
  std::string name;
  std::vector<CompositeAttribute> attributes;  ///< in order
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const CompositeType&) const = default;
};
MIGRA_MODEL_FIELDS(CompositeType, schema, name, attributes, owner, comment, acl, extension)

}  // namespace migra::model
