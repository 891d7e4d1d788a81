#include "source/source.h"

#include "source/connection.h"
#include "source/model_files.h"
#include "source/scratch_database.h"

namespace migra::source {

SourceSpec parse_source(const std::string& text) {
  if (text == "EMPTY") return {SourceKind::empty, text};
  if (!looks_like_conninfo(text)) return {SourceKind::models, text};
  return {SourceKind::database, text};
}

sql::LoadPlan plan_models(const std::vector<std::string>& files) {
  auto parsed = sql::parse_model_files(files);
  if (sql::has_errors(parsed.problems)) throw sql::ModelError(parsed.problems);
  auto plan = sql::plan_load(parsed);
  if (sql::has_errors(plan.problems)) throw sql::ModelError(plan.problems);
  // The plan points into the parsed statements: keep them alive with it.
  plan.keep_alive = std::make_shared<sql::ParsedModel>(std::move(parsed));
  return plan;
}

model::Model load_model_files(const std::vector<std::string>& files,
                              const catalog::InspectOptions& options,
                              const std::string& scratch_setting) {
  auto plan = plan_models(files);
  auto scratch = ScratchDatabase::create(scratch_setting);
  scratch->load(plan);
  auto conn = connect(scratch->conninfo());
  return catalog::inspect(*conn, options);
}

model::Model load_model(const SourceSpec& source, const catalog::InspectOptions& options,
                        const std::string& scratch_setting) {
  switch (source.kind) {
    case SourceKind::empty:
      return {};
    case SourceKind::database: {
      auto conn = connect(source.text);
      return catalog::inspect(*conn, options);
    }
    case SourceKind::models:
      return load_model_files(source::find_model_files(source.text), options, scratch_setting);
  }
  return {};
}

}  // namespace migra::source
