#pragma once
/// The diff engine: the plan that turns one model into another.
#include "diff/context.h"
#include "model/model.h"
#include "plan/statement.h"

namespace migra::diff {

/// The ordered plan turning `from` into `to`. Deterministic: same inputs, same plan.
plan::Plan diff(const model::Model& from, const model::Model& to, const DiffOptions& options);

}  // namespace migra::diff
