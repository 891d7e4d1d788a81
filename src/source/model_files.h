#pragma once
/// Finding model files: a .sql file, a directory (every *.sql below it) or a glob.
#include <string>
#include <vector>

namespace migra::source {

/// True when text looks like a database URL or key=value connection string.
bool looks_like_conninfo(const std::string& text);

/// The model files a path, directory or glob names, sorted by path. Throws migra::Error
/// when nothing matches.
std::vector<std::string> find_model_files(const std::string& spec);

}  // namespace migra::source
