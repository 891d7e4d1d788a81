#pragma once
/// What sync, check and plan share: migra.yaml plus command-line overrides, and the plan
/// that turns the configured database into the models.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "config/config.h"
#include "plan/statement.h"

namespace migra::cli {

/// Flags that override migra.yaml.
struct WorkflowArgs {
  std::string config_path;
  std::vector<std::string> models;
  std::string database;
  std::string scratch;
  std::string lock_timeout;
  std::vector<std::string> schemas;
  std::vector<std::string> exclude_schemas;
  bool with_privileges = false;
  bool unsafe = false;
};

/// Adds --config, --models, --database, --scratch, --schema, --exclude-schema,
/// --with-privileges and --lock-timeout (and --unsafe when `with_unsafe`).
void add_workflow_options(CLI::App* command, WorkflowArgs& args, bool with_unsafe);

/// migra.yaml merged with the flags; throws migra::Error when models or the database
/// are missing (the database only when `need_database`).
config::Config resolve_config(const WorkflowArgs& args, bool need_database);

/// The plan turning the configured database into the models (both read concurrently).
plan::Plan plan_database_to_models(const config::Config& config);

}  // namespace migra::cli
