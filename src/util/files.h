#pragma once
/// Whole-file reads and writes, for the caches, logs and hooks.
#include <sys/types.h>

#include <optional>
#include <string>
#include <string_view>

namespace migra {

/// The whole content of a file, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

/// Creates `path` (which must not exist) with `mode` and writes `data`. False on failure.
bool write_new_file(const std::string& path, std::string_view data, mode_t mode);

/// Writes `data` to a temporary file beside `path`, sets `mode` whatever the umask, and
/// renames it over `path`: a reader sees the old file or the new one, never half of one.
/// Returns 0, or the errno of the step that failed (nothing is left behind then).
int write_file_atomically(const std::string& path, std::string_view data, mode_t mode);

}  // namespace migra
