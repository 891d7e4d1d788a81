#pragma once
/// Printing a model for `migra inspect`.
#include <string>

#include "model/model.h"

namespace migra::render {

enum class ModelFormat { json, yaml };

/// The model as pretty JSON or YAML text, ending in a newline; deterministic.
std::string model_text(const model::Model& model, ModelFormat format);

}  // namespace migra::render
