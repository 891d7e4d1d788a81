#pragma once
#include "model/common.h"

namespace migra::model {

/// ALTER DEFAULT PRIVILEGES for one role, schema (or all) and object type.
struct DefaultPrivilege {
  std::string role;
  std::optional<std::string> schema;  ///< null: in all schemas
  std::string object_type;  ///< "tables", "sequences", "functions", "types", "schemas"
  Acl acl;                  ///< the default ACL as stored (not expanded)
  [[nodiscard]] std::string key() const {
    return quote_ident(role) + "." + (schema ? quote_ident(*schema) : std::string("*")) + "." +
           object_type;
  }
  bool operator==(const DefaultPrivilege&) const = default;
};
MIGRA_MODEL_FIELDS(DefaultPrivilege, role, schema, object_type, acl)

}  // namespace migra::model
