#pragma once
#include "model/common.h"

namespace migra::model {

/// A range type (CREATE TYPE ... AS RANGE).
struct RangeType {
  std::string schema;
  std::string name;
  std::string subtype;
  std::optional<std::string> subtype_opclass;  ///< only when not the default opclass
  std::optional<std::string> collation;        ///< only when not the subtype's
  std::optional<std::string> canonical;        ///< function key
  std::optional<std::string> subtype_diff;     ///< function key
  std::optional<std::string> multirange;       ///< qualified type name (PostgreSQL 14+)
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;
  std::optional<std::string> subtype_key;  ///< user-defined subtype
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const RangeType&) const = default;
};
MIGRA_MODEL_FIELDS(RangeType, schema, name, subtype, subtype_opclass, collation, canonical,
                   subtype_diff, multirange, owner, comment, acl, extension, subtype_key)

}  // namespace migra::model
