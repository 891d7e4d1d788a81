#include "source/cluster_template.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "util/files.h"
#include "util/hash.h"
#include "util/timing.h"

namespace fs = std::filesystem;

namespace migra {
namespace {

// Bumped whenever the entry layout or the manifest format changes.
constexpr const char* kFormat = "migra cluster template 1";
constexpr auto kUnusedEntryLifetime = std::chrono::hours(24 * 30);

// One manifest line: a directory, or a file with its size and content hash.
struct Item {
  bool directory = false;
  unsigned mode = 0;
  uintmax_t size = 0;
  std::string hash;
  std::string path;  ///< relative to the data directory
};

std::string manifest_text(const std::vector<Item>& items, const std::string& key_name) {
  std::ostringstream out;
  out << kFormat << "\nkey " << key_name << "\n";
  for (const auto& item : items) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%o", item.mode);
    if (item.directory) {
      out << "d " << mode << " " << item.path << "\n";
    } else {
      out << "f " << mode << " " << item.size << " " << item.hash << " " << item.path << "\n";
    }
  }
  std::string body = out.str();
  // The last line seals the rest: a truncated or edited manifest does not verify.
  return body + "end " + hash_hex(body) + "\n";
}

std::optional<std::vector<Item>> parse_manifest(const std::string& text,
                                                const std::string& key_name) try {
  auto end = text.rfind("end ");
  if (end == std::string::npos || (end > 0 && text[end - 1] != '\n')) return std::nullopt;
  std::string body = text.substr(0, end);
  if (text.substr(end) != "end " + hash_hex(body) + "\n") return std::nullopt;
  std::istringstream in(body);
  std::string line;
  if (!std::getline(in, line) || line != kFormat) return std::nullopt;
  if (!std::getline(in, line) || line != "key " + key_name) return std::nullopt;
  std::vector<Item> items;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string type, mode;
    Item item;
    fields >> type >> mode;
    if (type == "f") fields >> item.size >> item.hash;
    else if (type != "d") return std::nullopt;
    item.directory = type == "d";
    item.mode = static_cast<unsigned>(std::stoul(mode, nullptr, 8)) & 07777;
    fields.get();  // the space before the path, which is the rest of the line
    std::getline(fields, item.path);
    if (item.path.empty() || item.path.front() == '/' || item.path.find("..") != std::string::npos) {
      return std::nullopt;
    }
    items.push_back(std::move(item));
  }
  return items;
} catch (const std::exception&) {
  return std::nullopt;
}

void remove_entry(const fs::path& entry) noexcept {
  // Renamed away first, so no other process ever sees half a deleted entry.
  std::error_code ec;
  fs::path doomed = entry.string() + ".removing." + std::to_string(getpid());
  fs::rename(entry, doomed, ec);
  fs::remove_all(ec ? entry : doomed, ec);
}

void prune_unused_entries(const fs::path& root, const std::string& keep) noexcept {
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  for (const auto& e : fs::directory_iterator(root, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind("cluster-", 0) != 0 || name == keep) continue;
    std::error_code tec;
    auto used = fs::last_write_time(e.path() / "MANIFEST", tec);
    if (tec || now - used > kUnusedEntryLifetime) remove_entry(e.path());
  }
}

}  // namespace

std::string TemplateKey::entry_name() const {
  Hasher h;
  h.field(kFormat).field(server_version).field(bindir).field(initdb_arguments);
  return "cluster-" + h.hex().substr(0, 24);
}

bool restore_cluster_template(const std::string& cache_root, const TemplateKey& key,
                              const std::string& data_dir, const std::optional<OsUser>& owner) {
  PhaseTimer timer("copy cached cluster template");
  fs::path entry = fs::path(cache_root) / key.entry_name();
  auto text = read_file((entry / "MANIFEST").string());
  if (!text) return false;
  auto items = parse_manifest(*text, key.entry_name());
  auto reject = [&](const std::string& why) {
    log_verbose("cache: cluster template " + entry.string() + " is unusable (" + why +
                "); rebuilding it");
    std::error_code ec;
    fs::remove_all(data_dir, ec);
    remove_entry(entry);
    return false;
  };
  if (!items) return reject("bad manifest");

  auto hand_over = [&](const std::string& path) {
    return !owner || chown(path.c_str(), owner->uid, owner->gid) == 0;
  };
  if (mkdir(data_dir.c_str(), 0700) != 0 || !hand_over(data_dir)) {
    std::error_code ec;
    fs::remove_all(data_dir, ec);
    return false;
  }
  for (const auto& item : *items) {
    std::string to = data_dir + "/" + item.path;
    if (item.directory) {
      if (mkdir(to.c_str(), item.mode) != 0 || !hand_over(to)) return reject("cannot copy " + item.path);
      continue;
    }
    auto data = read_file((entry / "data" / item.path).string());
    if (!data) return reject(item.path + " is missing");
    if (data->size() != item.size || hash_hex(*data) != item.hash) {
      return reject(item.path + " does not match its hash");
    }
    if (!write_new_file(to, *data, item.mode) || !hand_over(to)) return reject("cannot copy " + item.path);
  }
  // Marks the entry as used, so pruning keeps it.
  std::error_code ec;
  fs::last_write_time(entry / "MANIFEST", fs::file_time_type::clock::now(), ec);
  return true;
}

void save_cluster_template(const std::string& cache_root, const TemplateKey& key,
                           const std::string& data_dir) noexcept {
  try {
    PhaseTimer timer("save cluster template to the cache");
    fs::path root(cache_root);
    fs::path entry = root / key.entry_name();
    std::error_code ec;
    if (fs::exists(entry / "MANIFEST", ec)) return;
    fs::path tmp = root / (key.entry_name() + ".new." + std::to_string(getpid()));
    fs::remove_all(tmp, ec);
    if (mkdir(tmp.c_str(), 0700) != 0 || mkdir((tmp / "data").c_str(), 0700) != 0) return;

    std::vector<Item> items;
    std::vector<fs::path> dirs{""};
    // Breadth-first with sorted names: the manifest lists parents before children, in
    // the same order every time.
    for (size_t i = 0; i < dirs.size(); ++i) {
      std::vector<fs::directory_entry> children;
      for (const auto& e : fs::directory_iterator(fs::path(data_dir) / dirs[i])) children.push_back(e);
      std::sort(children.begin(), children.end(),
                [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
      for (const auto& e : children) {
        fs::path rel = dirs[i] / e.path().filename();
        struct stat st {};
        if (lstat(e.path().c_str(), &st) != 0) throw std::runtime_error("stat");
        Item item;
        item.path = rel.string();
        item.mode = st.st_mode & 07777;
        if (S_ISDIR(st.st_mode)) {
          item.directory = true;
          if (mkdir((tmp / "data" / rel).c_str(), 0700) != 0) throw std::runtime_error("mkdir");
          dirs.push_back(rel);
        } else if (S_ISREG(st.st_mode)) {
          auto data = read_file(e.path().string());
          if (!data) throw std::runtime_error("read");
          item.size = data->size();
          item.hash = hash_hex(*data);
          if (!write_new_file((tmp / "data" / rel).string(), *data, 0600)) throw std::runtime_error("write");
        } else {
          // initdb makes no links or devices; an unexpected one means: do not cache.
          throw std::runtime_error("unexpected file type");
        }
        items.push_back(std::move(item));
      }
    }
    if (!write_new_file((tmp / "MANIFEST").string(), manifest_text(items, key.entry_name()), 0600)) {
      throw std::runtime_error("manifest");
    }
    // Another process may have saved the same entry meanwhile: theirs is as good.
    fs::rename(tmp, entry, ec);
    if (ec) fs::remove_all(tmp, ec);
    prune_unused_entries(root, key.entry_name());
  } catch (...) {
    std::error_code ec;
    fs::remove_all(fs::path(cache_root) / (key.entry_name() + ".new." + std::to_string(getpid())), ec);
  }
}

void discard_cluster_template(const std::string& cache_root, const TemplateKey& key) noexcept {
  remove_entry(fs::path(cache_root) / key.entry_name());
}

}  // namespace migra
