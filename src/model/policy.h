#pragma once
#include "model/common.h"

namespace migra::model {

/// A row level security policy.
struct Policy {
  std::string schema;
  std::string table;
  std::string name;
  std::string command;   ///< "all", "select", "insert", "update", "delete"
  bool permissive = true;
  std::vector<std::string> roles;  ///< sorted; "public" for PUBLIC
  std::optional<std::string> using_;
  std::optional<std::string> with_check;
  std::vector<std::string> columns;     ///< its table's columns the expressions use, sorted
  std::vector<std::string> depends_on;  ///< keys of functions, types, other relations they use
  std::optional<std::string> comment;
  [[nodiscard]] std::string table_key() const { return qualified(schema, table); }
  [[nodiscard]] std::string key() const { return qualified(schema, table, name); }
  bool operator==(const Policy&) const = default;
};
MIGRA_MODEL_FIELDS(Policy, schema, table, name, command, permissive, roles, using_, with_check,
                   columns, depends_on, comment)

}  // namespace migra::model
