#pragma once
#include "model/common.h"

namespace migra::model {

/// A table constraint: primary key, unique, check, foreign key or exclusion.
struct Constraint {
  std::string schema;
  std::string table;
  std::string name;
  std::string type;         ///< "primary key", "unique", "check", "foreign key", "exclusion"
  std::string definition;   ///< pg_get_constraintdef, e.g. "FOREIGN KEY (a) REFERENCES t(b)"
  bool deferrable = false;
  bool deferred = false;
  bool validated = true;    ///< false for NOT VALID
  bool inherited = false;   ///< copied from a parent (conislocal false)
  std::optional<std::string> index;       ///< backing index name (pk, unique, exclusion)
  std::optional<std::string> references;  ///< qualified key of the referenced table (fk)
  std::vector<std::string> columns;       ///< constrained columns
  std::optional<std::string> comment;
  std::vector<std::string> depends_on;    ///< types, functions, collations it uses
  [[nodiscard]] std::string table_key() const { return qualified(schema, table); }
  [[nodiscard]] std::string key() const { return qualified(schema, table, name); }
  bool operator==(const Constraint&) const = default;
};
MIGRA_MODEL_FIELDS(Constraint, schema, table, name, type, definition, deferrable, deferred,
                   validated, inherited, index, references, columns, depends_on, comment)

}  // namespace migra::model
