#include "source/source.h"

#include "source/cache_dir.h"
#include "source/connection.h"
#include "source/model_cache.h"
#include "source/model_files.h"
#include "source/scratch_database.h"
#include "util/timing.h"

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
                              const std::string& scratch_setting, catalog::TokenTexts* known) {
  // Unchanged model files need no scratch database: their inspected model is cached.
  auto cache = cache_root();
  std::string key;
  if (cache && !build_id().empty()) {
    {
      PhaseTimer timer("hash model files (" + options.label + ")");
      key = model_cache_key(files, options, scratch_identity(scratch_setting));
    }
    if (auto cached = read_cached_model(*cache, key, known)) return std::move(*cached);
  }
  auto plan = [&] {
    PhaseTimer timer("parse and order models (" + options.label + ")");
    return plan_models(files);
  }();
  auto scratch = [&] {
    PhaseTimer timer("create scratch database (" + options.label + ")");
    return ScratchDatabase::create(scratch_setting);
  }();
  {
    PhaseTimer timer("load models (" + options.label + ")");
    scratch->load(plan);
  }
  auto conn = connect(scratch->conninfo());
  // The token texts are wanted for the cache too.
  catalog::TokenTexts texts;
  auto model = catalog::inspect(*conn, options, &texts);
  if (!key.empty()) write_cached_model(*cache, key, model, texts);
  if (known) known->merge(texts);
  return model;
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
