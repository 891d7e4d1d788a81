#include "source/cache_dir.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "util/timing.h"

namespace fs = std::filesystem;

namespace migra {

std::optional<std::string> cache_root() {
  if (const char* off = std::getenv("MIGRA_NO_CACHE"); off && *off && std::string(off) != "0") {
    return std::nullopt;
  }
  fs::path root;
  // The XDG rules ignore relative values.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') {
    root = fs::path(xdg) / "migra";
  } else if (const char* home = std::getenv("HOME"); home && *home == '/') {
    root = fs::path(home) / ".cache" / "migra";
  } else {
    return std::nullopt;
  }
  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    fs::create_directories(root, ec);
    if (ec) {
      log_verbose("cache: cannot create " + root.string() + " (" + ec.message() +
                  "); working without a cache");
      return std::nullopt;
    }
    fs::permissions(root, fs::perms::owner_all, ec);
  }
  if (access(root.c_str(), W_OK | X_OK) != 0) {
    log_verbose("cache: " + root.string() + " is not writable; working without a cache");
    return std::nullopt;
  }
  return root.string();
}

}  // namespace migra
