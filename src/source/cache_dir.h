#pragma once
/// Where migra keeps what it can rebuild: $XDG_CACHE_HOME/migra, else ~/.cache/migra.
#include <optional>
#include <string>

namespace migra {

/// The cache directory, created (mode 0700) on first use; nullopt when caching is off
/// ($MIGRA_NO_CACHE set to anything but 0) or no usable directory exists.
std::optional<std::string> cache_root();

}  // namespace migra
