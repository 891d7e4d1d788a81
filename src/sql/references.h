#pragma once
/// What a model statement defines and what it refers to, read from its parse tree.
#include <optional>
#include <string>
#include <vector>

#include "sql/parse.h"

namespace migra::sql {

/// A reference to a foreign key's referenced table inside a CREATE TABLE.
struct ForeignKeyRef {
  std::string target;          ///< "rel:schema.name"
  TreeNode constraint;               ///< the Constraint node's fields
  std::optional<TreeNode> column;    ///< its ColumnDef's, for a column constraint
};

/// Names are keyed "rel:schema.name" (relations and types share PostgreSQL's namespace),
/// "fn:schema.name", "schema:name", "extension:name", "coll:schema.name"; unqualified
/// names are taken to be in public.
struct StatementNames {
  std::vector<std::string> defines;
  std::vector<std::string> references;      ///< hard: must exist before
  std::vector<ForeignKeyRef> foreign_keys;  ///< soft: may move to a later ALTER TABLE
  int rank = 2;  ///< tie-break: schemas 0, extensions 1, most 2, comments/grants 3
};

/// Reads the names of one statement.
StatementNames statement_names(const ModelStatement& statement);

}  // namespace migra::sql
