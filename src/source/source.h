#pragma once
/// Sources of a schema: a PostgreSQL URL, the word EMPTY, or .sql model files.
#include <string>

#include "catalog/inspector.h"
#include "model/model.h"

namespace migra::source {

/// What a source argument names.
enum class SourceKind { database, empty, models };

/// A parsed source argument.
struct SourceSpec {
  SourceKind kind = SourceKind::database;
  std::string text;  ///< as given by the user
};

/// Classifies a command-line source argument.
SourceSpec parse_source(const std::string& text);

/// Inspects a source into a model. Throws migra::Error.
model::Model load_model(const SourceSpec& source, const catalog::InspectOptions& options);

}  // namespace migra::source
