#include "cli/workflow.h"

#include <future>

#include "diff/diff.h"
#include "source/loaded_source.h"
#include "util/error.h"
#include "util/timing.h"

namespace migra::cli {

void add_workflow_options(CLI::App* cmd, WorkflowArgs& a, bool with_unsafe) {
  cmd->add_option("--config", a.config_path, "config file (default: ./migra.yaml)");
  cmd->add_option("--models", a.models, "model files, directories or globs (repeatable)");
  cmd->add_option("--database", a.database, "the database to keep in step with the models");
  cmd->add_option("--scratch", a.scratch, "where models are loaded: auto, ephemeral or a server URL");
  cmd->add_option("--schema", a.schemas, "only this schema (repeatable)");
  cmd->add_option("--exclude-schema,--exclude_schema", a.exclude_schemas,
                  "leave out this schema (repeatable)");
  cmd->add_flag("--with-privileges", a.with_privileges, "compare privileges and owners too");
  cmd->add_option("--lock-timeout", a.lock_timeout, "lock_timeout while applying (default 5s)");
  if (with_unsafe) cmd->add_flag("--unsafe", a.unsafe, "allow destructive statements");
}

config::Config resolve_config(const WorkflowArgs& a, bool need_database) {
  auto c = config::load_config(a.config_path);
  if (!a.models.empty()) c.models = a.models;
  if (!a.database.empty()) c.database = a.database;
  if (!a.scratch.empty()) c.scratch = a.scratch;
  if (!a.lock_timeout.empty()) c.lock_timeout = a.lock_timeout;
  if (!a.schemas.empty()) c.schemas = a.schemas;
  if (!a.exclude_schemas.empty()) c.exclude_schemas = a.exclude_schemas;
  c.with_privileges = c.with_privileges || a.with_privileges;
  c.unsafe = c.unsafe || a.unsafe;
  std::string where = c.path.empty() ? "no migra.yaml found" : c.path;
  if (c.models.empty()) {
    throw Error("no model files configured (" + where + ")",
                "set 'models' in migra.yaml or pass --models PATH");
  }
  if (need_database && !c.database && !c.database_error.empty()) {
    throw Error(c.database_error);
  }
  if (need_database && !c.database) {
    throw Error("no database configured (" + where + ")",
                "set 'database' in migra.yaml or pass --database URL");
  }
  return c;
}

plan::Plan plan_database_to_models(const config::Config& c) {
  catalog::InspectOptions inspect{c.schemas, c.exclude_schemas, "models"};
  catalog::InspectOptions inspect_database{c.schemas, c.exclude_schemas, "database"};
  auto database = std::async(std::launch::async, [&] {
    return source::load_for_diff(source::parse_source(*c.database), inspect_database, c.scratch);
  });
  source::LoadedSource models;
  {
    // Several model paths load together into one scratch database.
    std::vector<std::string> files;
    for (const auto& m : c.models) {
      auto found = source::find_model_files(m);
      files.insert(files.end(), found.begin(), found.end());
    }
    models.model = source::load_model_files(files, inspect, c.scratch, &models.known);
  }
  auto db = database.get();
  source::settle_texts(db, models);
  diff::DiffOptions options;
  options.with_privileges = c.with_privileges;
  auto plan = [&] {
    PhaseTimer timer("diff and plan");
    return diff::diff(db.model, models.model, options);
  }();
  source::print_texts(plan, db, models);
  return plan;
}

}  // namespace migra::cli
