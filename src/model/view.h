#pragma once
#include "model/common.h"

namespace migra::model {

/// An output column of a view.
struct ViewColumn {
  std::string name;
  std::string type;
  std::optional<std::string> comment;
  std::optional<std::string> default_;  ///< ALTER VIEW ... SET DEFAULT, for inserts through it
  Acl acl;                              ///< column-level privileges only
  bool operator==(const ViewColumn&) const = default;
};
MIGRA_MODEL_FIELDS(ViewColumn, name, type, comment, default_, acl)

/// A view or materialized view.
struct View {
  std::string schema;
  std::string name;
  bool materialized = false;
  std::string definition;              ///< pg_get_viewdef
  std::vector<ViewColumn> columns;
  std::vector<std::string> options;    ///< reloptions, e.g. "security_barrier=true", sorted
  std::optional<std::string> check_option;  ///< "local" / "cascaded"
  bool populated = true;               ///< materialized: WITH DATA
  std::vector<std::string> depends_on; ///< keys of relations, functions and types it uses
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const View&) const = default;
};
MIGRA_MODEL_FIELDS(View, schema, name, materialized, definition, columns, options, check_option,
                   populated, depends_on, owner, comment, acl, extension)

}  // namespace migra::model
