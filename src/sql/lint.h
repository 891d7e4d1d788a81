#pragma once
/// Rules for what a model file may contain, checked on parse trees without a database.
#include <vector>

#include "sql/parse.h"

namespace migra::sql {

/// Adds a problem when the statement does not belong in a model (data changes, drops,
/// transaction control, database-level commands).
void lint_statement(const ModelStatement& statement, std::vector<Problem>& problems);

}  // namespace migra::sql
