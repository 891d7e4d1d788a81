#pragma once
#include "model/common.h"

namespace migra::model {

/// A function, procedure, aggregate or window function.
struct Function {
  std::string schema;
  std::string name;
  std::string kind;                ///< "function", "procedure", "aggregate", "window"
  std::string identity_arguments;  ///< pg_get_function_identity_arguments
  std::string arguments;           ///< pg_get_function_arguments (with defaults)
  std::optional<std::string> result;  ///< pg_get_function_result; null for procedures
  std::string language;
  std::string definition;  ///< pg_get_functiondef, or a CREATE AGGREGATE for aggregates
  std::string volatility;  ///< "immutable", "stable", "volatile"
  bool strict = false;
  bool security_definer = false;
  bool leakproof = false;
  std::string parallel;    ///< "safe", "restricted", "unsafe"
  double cost = 0;
  double rows = 0;
  std::vector<std::string> config;  ///< proconfig, e.g. "search_path=public"
  std::vector<std::string> depends_on;  ///< keys of types, tables and functions it uses
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;
  /// "schema"."name"(identity arguments)
  [[nodiscard]] std::string key() const {
    return qualified(schema, name) + "(" + identity_arguments + ")";
  }
  bool operator==(const Function&) const = default;
};
MIGRA_MODEL_FIELDS(Function, schema, name, kind, identity_arguments, arguments, result, language,
                   definition, volatility, strict, security_definer, leakproof, parallel, cost,
                   rows, config, depends_on, owner, comment, acl, extension)

}  // namespace migra::model
