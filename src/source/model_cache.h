#pragma once
/// The inspected model of a set of model files, kept between runs: when no file changed,
/// check and sync skip the scratch database altogether.
#include <optional>
#include <string>
#include <vector>

#include "catalog/inspector.h"
#include "model/model.h"

namespace migra::source {

/// Identifies the running migra build (its linker build ID, else the executable file's
/// identity); empty when unknown, and then nothing is cached, since a rebuilt migra could
/// inspect differently under the same version number.
const std::string& build_id();

/// The cache key: the files' paths and content in order, the schema filter, where they
/// would be loaded (`scratch_identity`, which names the server version) and migra's
/// version. Throws migra::Error when a file cannot be read.
std::string model_cache_key(const std::vector<std::string>& files,
                            const catalog::InspectOptions& options,
                            const std::string& scratch_identity);

/// The model stored under `key`, or nullopt (also for an unreadable or corrupt entry,
/// which is then deleted); with `known`, adds the token texts stored with it.
std::optional<model::Model> read_cached_model(const std::string& cache_root, const std::string& key,
                                              catalog::TokenTexts* known = nullptr);

/// Stores a model and which token stands for which of its texts under `key`, keeping only
/// the most recently used entries. Best effort.
void write_cached_model(const std::string& cache_root, const std::string& key,
                        const model::Model& model,
                        const catalog::TokenTexts& known = {}) noexcept;

}  // namespace migra::source
