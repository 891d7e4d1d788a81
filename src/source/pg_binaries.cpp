#include "source/pg_binaries.h"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "util/error.h"
#include "util/process.h"

namespace fs = std::filesystem;

namespace migra {
namespace {

bool has_server_programs(const fs::path& dir) {
  return access((dir / "initdb").c_str(), X_OK) == 0 &&
         access((dir / "postgres").c_str(), X_OK) == 0;
}

std::string pg_config_bindir() {
  for (const char* candidate : {"/usr/bin/pg_config", "/usr/local/bin/pg_config"}) {
    if (access(candidate, X_OK) != 0) continue;
    auto result = run_process({candidate, "--bindir"});
    if (result.exit_code != 0) continue;
    std::string out = result.output;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
  }
  return {};
}

// The numeric major version in /usr/lib/postgresql/<major>/bin, for picking the newest.
int major_of(const fs::path& versioned_dir) {
  try {
    return std::stoi(versioned_dir.filename().string());
  } catch (...) {
    return -1;
  }
}

}  // namespace

std::string find_pg_bindir() {
  if (const char* env = std::getenv("MIGRA_PG_BINDIR"); env && *env) {
    if (!has_server_programs(env)) {
      throw Error(std::string("MIGRA_PG_BINDIR=") + env + " has no initdb and postgres programs",
                  "point MIGRA_PG_BINDIR at a PostgreSQL bin directory, or unset it");
    }
    return env;
  }
  if (auto dir = pg_config_bindir(); !dir.empty() && has_server_programs(dir)) return dir;

  std::vector<fs::path> versions;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (has_server_programs(entry.path() / "bin")) versions.push_back(entry.path());
  }
  if (!versions.empty()) {
    auto newest = std::max_element(versions.begin(), versions.end(),
                                   [](const fs::path& a, const fs::path& b) {
                                     return major_of(a) < major_of(b);
                                   });
    return (*newest / "bin").string();
  }
  throw Error("no PostgreSQL server programs (initdb, postgres) found",
              "install them (apt-get install postgresql) or set MIGRA_PG_BINDIR");
}

std::string server_version_string(const std::string& bindir) {
  auto result = run_process({bindir + "/postgres", "--version"});
  std::string out = result.output;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  if (result.exit_code != 0 || out.empty()) {
    throw Error("cannot run " + bindir + "/postgres --version (exit " +
                    std::to_string(result.exit_code) + ")",
                "check the PostgreSQL installation, or set MIGRA_PG_BINDIR");
  }
  return out;
}

}  // namespace migra
