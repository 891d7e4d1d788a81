#pragma once
/// Model files as they are staged in git's index, for checking what a commit will hold
/// rather than what the work tree holds.
#include <string>
#include <vector>

namespace migra::source {

/// A .sql file that is added, copied, modified or renamed in the index.
struct StagedFile {
  std::string path;      ///< relative to the work tree's top level, as git names it
  std::string absolute;  ///< top level joined with path, symbolic links in folders resolved
  std::string blob;      ///< the object id of the staged content
};

/// The staged .sql files of the repository around the current directory, sorted by path.
/// Symbolic links and submodules are left out. Throws migra::Error outside a work tree.
std::vector<StagedFile> staged_sql_files();

/// The staged content of a file (not the work tree's).
std::string staged_text(const StagedFile& file);

/// True when `absolute` is among the model files that `spec` names: the file itself, a
/// file below a directory, or a match of a glob (or below a directory a glob matches).
/// Works from paths alone, so a staged file need not exist in the work tree.
bool model_spec_covers(const std::string& spec, const std::string& absolute);

}  // namespace migra::source
