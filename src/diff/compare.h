#pragma once
/// What "the same schema" means under the diff flags, for tests and drift checks.
#include <nlohmann/json.hpp>

#include "diff/context.h"
#include "model/model.h"

namespace migra::diff {

/// The model as JSON with what the flags leave out removed: owners, grants and default
/// privileges without --with-privileges, extension versions and extension-owned objects with
/// --ignore-extension-versions; columns sorted by name (their order is never changed).
nlohmann::json comparable_model(const model::Model& model, const DiffOptions& options);

}  // namespace migra::diff
