#include "source/staged_files.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

#include "util/error.h"
#include "util/git.h"

namespace fs = std::filesystem;

namespace migra::source {
namespace {

// Paths compared from both sides (git's top level, config and command line) are made
// absolute with symbolic links in their folders resolved; the last part is kept, so a
// file that is itself a link is judged by its own name, as git does.
std::string comparable(const fs::path& path) {
  fs::path abs = fs::absolute(path).lexically_normal();
  if (!abs.has_filename()) abs = abs.parent_path();
  std::error_code ec;
  fs::path parent = fs::weakly_canonical(abs.parent_path(), ec);
  if (ec) parent = abs.parent_path();
  return (parent / abs.filename()).string();
}

bool is_glob(const std::string& spec) { return spec.find_first_of("*?[") != std::string::npos; }

}  // namespace

std::vector<StagedFile> staged_sql_files() {
  std::string top = git::toplevel();
  // Raw output gives the staged blob's id and mode with each path; -z keeps names as
  // they are; --no-relative keeps them relative to the top level whatever diff.relative
  // says.
  std::string raw = git::run({"diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-relative",
                              "--diff-filter=ACMR"},
                             "listing the staged files");
  std::vector<std::string> fields;
  for (size_t start = 0; start < raw.size();) {
    size_t end = raw.find('\0', start);
    if (end == std::string::npos) end = raw.size();
    fields.push_back(raw.substr(start, end - start));
    start = end + 1;
  }
  std::vector<StagedFile> out;
  for (size_t i = 0; i < fields.size(); ++i) {
    // ":old_mode new_mode old_id new_id status", then the path (two for R and C).
    const std::string& header = fields[i];
    if (header.empty() || header[0] != ':') continue;
    std::vector<std::string> parts;
    for (size_t s = 1; s <= header.size();) {
      size_t e = header.find(' ', s);
      if (e == std::string::npos) e = header.size();
      parts.push_back(header.substr(s, e - s));
      s = e + 1;
    }
    if (parts.size() < 5) {
      throw Error("unexpected output from git diff --cached: '" + header + "'",
                  "check the git installation (git --version)");
    }
    char status = parts[4].empty() ? '?' : parts[4][0];
    size_t names = (status == 'R' || status == 'C') ? 2 : 1;
    if (i + names >= fields.size()) break;
    const std::string& path = fields[i + names];
    i += names;
    // Only regular files: 100644 or 100755; links (120000) and submodules (160000) hold
    // no SQL of their own.
    if (!parts[1].starts_with("100")) continue;
    if (fs::path(path).extension() != ".sql") continue;
    out.push_back({path, comparable(fs::path(top) / path), parts[3]});
  }
  std::sort(out.begin(), out.end(),
            [](const StagedFile& a, const StagedFile& b) { return a.path < b.path; });
  return out;
}

std::string staged_text(const StagedFile& file) {
  return git::run({"cat-file", "blob", file.blob}, "reading the staged " + file.path);
}

bool model_spec_covers(const std::string& spec, const std::string& absolute) {
  if (spec.empty()) return false;
  std::string pattern = comparable(spec);
  if (!is_glob(spec)) {
    return absolute == pattern || absolute.starts_with(pattern + "/");
  }
  // As glob(3) in find_model_files: the file itself, or a folder above it that matches.
  for (fs::path p = absolute; !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (fnmatch(pattern.c_str(), p.c_str(), FNM_PATHNAME | FNM_PERIOD) == 0) return true;
  }
  return false;
}

}  // namespace migra::source
