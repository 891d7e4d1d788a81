#pragma once
#include "model/common.h"

namespace migra::model {

/// An index on a table or materialized view.
struct Index {
  std::string schema;
  std::string table;        ///< table or materialized view name (same schema)
  std::string name;
  std::string definition;   ///< pg_get_indexdef: the full CREATE INDEX statement
  bool unique = false;
  bool valid = true;        ///< false after a failed concurrent build, or for a partitioned
                            ///< index some partitions lack (indisvalid)
  std::string method;       ///< btree, gist, ...
  std::optional<std::string> predicate;  ///< partial index WHERE clause
  std::vector<std::string> columns;      ///< key columns ("" for expressions)
  std::vector<std::string> include;      ///< INCLUDE columns
  std::optional<std::string> constraint; ///< name of the pk/unique/exclusion it backs
  std::optional<std::string> parent;     ///< qualified key of the partitioned parent index
  std::optional<std::string> comment;
  std::vector<std::string> depends_on;   ///< types, functions, collations it uses
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  [[nodiscard]] std::string table_key() const { return qualified(schema, table); }
  bool operator==(const Index&) const = default;
};
MIGRA_MODEL_FIELDS(Index, schema, table, name, definition, unique, valid, method, predicate,
                   columns, include, constraint, parent, comment, depends_on, extension)

}  // namespace migra::model
