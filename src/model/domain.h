#pragma once
#include "model/common.h"

namespace migra::model {

/// A named CHECK constraint (or NOT NULL is kept on the domain itself).
struct DomainConstraint {
  std::string name;
  std::string definition;  ///< pg_get_constraintdef, e.g. "CHECK (VALUE > 0)"
  bool validated = true;
  std::optional<std::string> comment;
  std::vector<std::string> depends_on;  ///< keys of user functions and types its check uses
  bool operator==(const DomainConstraint&) const = default;
};
MIGRA_MODEL_FIELDS(DomainConstraint, name, definition, validated, comment, depends_on)

/// A domain type.
struct Domain {
  std::string schema;
  std::string name;
  std::string base_type;  ///< format_type of the base type with its modifier
  std::optional<std::string> default_;
  bool not_null = false;
  std::optional<std::string> collation;  ///< qualified, only when it differs from the base type's
  std::vector<DomainConstraint> constraints;  ///< sorted by name
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;
  std::optional<std::string> base_type_key;  ///< user-defined base type (arrays: element)
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const Domain&) const = default;
};
MIGRA_MODEL_FIELDS(Domain, schema, name, base_type, default_, not_null, collation, constraints,
                   owner, comment, acl, extension, base_type_key)

}  // namespace migra::model
