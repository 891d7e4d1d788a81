#include "source/model_cache.h"

#include <elf.h>
#include <link.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "model/json_reader.h"
#include "util/error.h"
#include "util/files.h"
#include "util/hash.h"
#include "util/timing.h"

namespace fs = std::filesystem;

namespace migra::source {
namespace {

// Bumped whenever the entry layout changes; migra's version covers model changes.
constexpr const char* kFormat = "migra model cache 4";
// Lines of this kind hold [token, text]: which token stands for which text (deferred_texts.h).
constexpr std::string_view kKnownText = "@known\t";
constexpr size_t kKeptEntries = 16;
constexpr size_t kHashLength = 32;

fs::path entry_path(const std::string& root, const std::string& key) {
  return fs::path(root) / "models" / (key + ".json");
}

void keep_newest_entries(const fs::path& dir) {
  std::vector<std::pair<fs::file_time_type, fs::path>> entries;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() != ".json") continue;
    std::error_code tec;
    auto t = fs::last_write_time(e.path(), tec);
    if (!tec) entries.emplace_back(t, e.path());
  }
  if (entries.size() <= kKeptEntries) return;
  std::sort(entries.begin(), entries.end(), std::greater<>());
  for (size_t i = kKeptEntries; i < entries.size(); ++i) fs::remove(entries[i].second, ec);
}

// The linker's build ID of the running program (a hash of the linked output), read from
// its ELF notes in memory.
int find_build_id(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    const char* p = reinterpret_cast<const char*>(info->dlpi_addr + ph.p_vaddr);
    const char* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const char* name = p + sizeof(ElfW(Nhdr));
      const char* desc = name + ((note->n_namesz + 3) & ~3U);
      if (desc + note->n_descsz > end) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 && std::memcmp(name, "GNU", 4) == 0) {
        *out = hash_hex(std::string_view(desc, note->n_descsz));
        return 1;
      }
      p = desc + ((note->n_descsz + 3) & ~3U);
    }
  }
  return 1;  // only the first object, the program itself, is of interest
}

}  // namespace

const std::string& build_id() {
  // The version number stays put between builds of the same release; the binary does not.
  static const std::string id = [] {
    std::string found;
    dl_iterate_phdr(find_build_id, &found);
    if (!found.empty()) return found;
    // Linked without a build ID: the executable's identity on disk has to do.
    struct stat st {};
    if (stat("/proc/self/exe", &st) != 0) return std::string();
    Hasher h;
    h.field(std::to_string(st.st_dev)).field(std::to_string(st.st_ino));
    h.field(std::to_string(st.st_size)).field(std::to_string(st.st_mtim.tv_sec));
    h.field(std::to_string(st.st_mtim.tv_nsec));
    return h.hex();
  }();
  return id;
}

std::string model_cache_key(const std::vector<std::string>& files,
                            const catalog::InspectOptions& options,
                            const std::string& scratch_identity) {
  Hasher h;
  h.field(kFormat).field(MIGRA_VERSION).field(build_id()).field(scratch_identity);
  h.field("schemas");
  for (const auto& s : options.schemas) h.field(s);
  h.field("exclude");
  for (const auto& s : options.exclude_schemas) h.field(s);
  h.field("files");
  for (const auto& f : files) {
    auto content = read_file(f);
    if (!content) throw Error("cannot read model file " + f, "check that it exists and is readable");
    h.field(f).field(*content);
  }
  return h.hex();
}

std::optional<model::Model> read_cached_model(const std::string& cache_root, const std::string& key,
                                              catalog::TokenTexts* known) {
  PhaseTimer timer("read cached model");
  fs::path path = entry_path(cache_root, key);
  auto file = read_file(path.string());
  if (!file) return std::nullopt;
  const std::string& bytes = *file;
  std::error_code ec;
  try {
    // The first line is the hash of the rest: a torn or damaged entry is never used.
    if (bytes.size() <= kHashLength + 1 || bytes[kHashLength] != '\n') throw std::runtime_error("short");
    std::string_view body(bytes.data() + kHashLength + 1, bytes.size() - kHashLength - 1);
    if (hash_hex(body) != bytes.substr(0, kHashLength)) throw std::runtime_error("hash");
    // A header line, then one object per line: parsed one at a time, so a large model
    // never exists as one JSON tree in memory.
    auto eol = body.find('\n');
    if (eol == std::string_view::npos) throw std::runtime_error("header");
    auto header = nlohmann::json::parse(body.substr(0, eol));
    if (header.at("format") != kFormat || header.at("key") != key) throw std::runtime_error("format");
    model::Model m;
    m.server_version_num = header.at("server_version_num").get<int>();
    m.current_user = header.at("current_user").get<std::string>();
    model::JsonReader reader;
    for (size_t at = eol + 1; at < body.size();) {
      size_t end = body.find('\n', at);
      if (end == std::string_view::npos) throw std::runtime_error("truncated");
      auto line = body.substr(at, end - at);
      if (line.starts_with(kKnownText)) {
        if (known) {
          auto pair = nlohmann::json::parse(line.substr(kKnownText.size()));
          known->emplace(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
        }
      } else {
        model::add_json_line(m, line, reader);
      }
      at = end + 1;
    }
    fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
    log_verbose("cache: model files unchanged; using the model inspected earlier (" +
                path.string() + ")");
    return m;
  } catch (const std::exception&) {
    log_verbose("cache: " + path.string() + " is damaged; deleting it");
    fs::remove(path, ec);
    return std::nullopt;
  }
}

void write_cached_model(const std::string& cache_root, const std::string& key,
                        const model::Model& model, const catalog::TokenTexts& known) noexcept {
  try {
    PhaseTimer timer("write cached model");
    fs::path dir = fs::path(cache_root) / "models";
    fs::create_directories(dir);
    nlohmann::json header;
    header["format"] = kFormat;
    header["key"] = key;
    header["current_user"] = model.current_user;
    header["server_version_num"] = model.server_version_num;
    std::string body = header.dump() + "\n" + model::to_json_lines(model);
    // Sorted: the same model is written byte for byte the same.
    std::vector<std::pair<std::string_view, std::string_view>> texts(known.begin(), known.end());
    std::sort(texts.begin(), texts.end());
    for (const auto& [token, text] : texts) {
      body += kKnownText;
      body += nlohmann::json::array({token, text}).dump();
      body += '\n';
    }
    if (write_file_atomically(entry_path(cache_root, key).string(), hash_hex(body) + "\n" + body,
                              0600) == 0) {
      keep_newest_entries(dir);
    }
  } catch (...) {
  }
}

}  // namespace migra::source
