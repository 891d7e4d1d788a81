#pragma once
/// Where migra keeps what it can rebuild: $XDG_CACHE_HOME/migra, else ~/.cache/migra.
#include <optional>
#include <string>

namespace migra {

/// The cache directory, created (mode 0700) on first use; nullopt when caching is off
/// ($MIGRA_NO_CACHE set to anything but 0) or no usable directory exists.
std::optional<std::string> cache_root();

/// Writes `content` to `path` through a temporary file and a rename, so a reader sees
/// the old file, the new file or none, never half of one. False on failure.
bool write_file_atomically(const std::string& path, const std::string& content) noexcept;

}  // namespace migra
