#pragma once
/// Ordering a plan by its dependency edges, deterministically.
#include <vector>

#include "plan/statement.h"

namespace migra::plan {

/// Sorts statements topologically: creators of a required node before the statement,
/// releasers of a node before its drop (a drop also before any change to what it
/// released), a node's drop before its re-creation. Ties go by
/// (phase, generation order). A cycle is broken at the earliest remaining statement by
/// that same order, so the result is always complete and deterministic.
std::vector<Statement> order_statements(std::vector<Statement> statements);

}  // namespace migra::plan
