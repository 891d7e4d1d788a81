#include "source/model_files.h"

#include <glob.h>

#include <algorithm>
#include <filesystem>

#include "util/error.h"

namespace fs = std::filesystem;

namespace migra::source {
namespace {

void add_directory(const fs::path& dir, std::vector<std::string>& out) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".sql") {
      out.push_back(entry.path().lexically_normal().string());
    }
  }
}

}  // namespace

bool looks_like_conninfo(const std::string& text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://") ||
         text.find('=') != std::string::npos;
}

std::vector<std::string> find_model_files(const std::string& spec) {
  std::vector<std::string> out;
  std::error_code ec;
  if (fs::is_directory(spec, ec)) {
    add_directory(spec, out);
  } else if (fs::is_regular_file(spec, ec)) {
    out.push_back(fs::path(spec).lexically_normal().string());
  } else if (spec.find_first_of("*?[") != std::string::npos) {
    glob_t g{};
    if (glob(spec.c_str(), 0, nullptr, &g) == 0) {
      for (size_t i = 0; i < g.gl_pathc; ++i) {
        fs::path p(g.gl_pathv[i]);
        if (fs::is_directory(p, ec)) {
          add_directory(p, out);
        } else if (p.extension() == ".sql") {
          out.push_back(p.lexically_normal().string());
        }
      }
    }
    globfree(&g);
  } else {
    throw Error("'" + spec + "' is neither a database URL, EMPTY, nor an existing model file or "
                "directory",
                "give a postgresql:// URL, EMPTY, or a path to .sql model files");
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.empty()) {
    throw Error("no .sql model files found in '" + spec + "'",
                "check the path; model files must end in .sql");
  }
  return out;
}

}  // namespace migra::source
