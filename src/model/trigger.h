#pragma once
#include "model/common.h"

namespace migra::model {

/// A trigger on a table or view (internal and partition-clone triggers excluded).
struct Trigger {
  std::string schema;
  std::string table;
  std::string name;
  std::string definition;  ///< pg_get_triggerdef
  std::string enabled;     ///< "origin", "disabled", "replica", "always"
  std::string function;    ///< key of the trigger function
  std::vector<std::string> columns;  ///< its table's columns in UPDATE OF and WHEN, sorted
  std::optional<std::string> comment;
  std::optional<std::string> extension;
  [[nodiscard]] std::string table_key() const { return qualified(schema, table); }
  [[nodiscard]] std::string key() const { return qualified(schema, table, name); }
  bool operator==(const Trigger&) const = default;
};
MIGRA_MODEL_FIELDS(Trigger, schema, table, name, definition, enabled, function, columns, comment,
                   extension)

/// An event trigger (database-wide).
struct EventTrigger {
  std::string name;
  std::string event;
  std::vector<std::string> tags;
  std::string function;  ///< key of the function
  std::string enabled;   ///< "origin", "disabled", "replica", "always"
  std::string owner;
  std::optional<std::string> comment;
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return quote_ident(name); }
  bool operator==(const EventTrigger&) const = default;
};
MIGRA_MODEL_FIELDS(EventTrigger, name, event, tags, function, enabled, owner, comment, extension)

}  // namespace migra::model
