#pragma once
/// Sources of a schema: a PostgreSQL URL, the word EMPTY, or .sql model files.
#include <string>

#include "catalog/inspector.h"
#include "model/model.h"
#include "source/model_files.h"
#include "sql/load_plan.h"

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

/// Parses, lints and orders model files. Throws sql::ModelError with every problem.
sql::LoadPlan plan_models(const std::vector<std::string>& files);

/// Loads model files (already found) into a scratch database and inspects it. With
/// `known`, adds which token stands for which of its texts (see catalog::inspect).
model::Model load_model_files(const std::vector<std::string>& files,
                              const catalog::InspectOptions& options,
                              const std::string& scratch_setting = "auto",
                              catalog::TokenTexts* known = nullptr);

/// Inspects a source into a model; model files are loaded into a scratch database
/// (`scratch_setting`: auto, ephemeral or a server URL). Throws migra::Error.
model::Model load_model(const SourceSpec& source, const catalog::InspectOptions& options,
                        const std::string& scratch_setting = "auto");

}  // namespace migra::source
