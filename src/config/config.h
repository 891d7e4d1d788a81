#pragma once
/// migra.yaml: where the models are, which database to keep in step, and how.
#include <optional>
#include <string>
#include <vector>

namespace migra::config {

/// Settings from migra.yaml (paths already resolved against the file's directory).
struct Config {
  std::string path;                          ///< the file read; empty when there was none
  std::vector<std::string> models;           ///< files, directories or globs
  std::optional<std::string> database;       ///< the database to keep in step
  std::string scratch = "auto";              ///< auto, ephemeral or a server URL
  std::vector<std::string> schemas;
  std::vector<std::string> exclude_schemas;
  bool with_privileges = false;
  bool unsafe = false;
  std::string lock_timeout = "5s";
  /// Why `database` could not be read (an unset ${VAR}); reported only by commands that
  /// need the database, so `migra lint` works without it.
  std::string database_error;
};

/// Reads `explicit_path`, or ./migra.yaml when it is empty (no file then means defaults).
/// `${VAR}` and `${VAR:-default}` in values expand from the environment. Unknown keys,
/// wrong types and unset variables throw migra::Error at file:line.
Config load_config(const std::string& explicit_path);

/// Parses config text (for tests); `path` names it in errors and anchors relative paths.
Config parse_config(const std::string& text, const std::string& path);

/// Expands ${VAR} and ${VAR:-default}; throws migra::Error naming an unset variable.
std::string expand_env(const std::string& value, const std::string& where);

}  // namespace migra::config
