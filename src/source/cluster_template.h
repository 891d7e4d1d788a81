#pragma once
/// A cache of one freshly initdb'd data directory per server version, so that starting
/// an ephemeral cluster is a verified copy instead of an initdb.
#include <optional>
#include <string>

#include "util/process.h"

namespace migra {

/// What makes two initdb runs interchangeable.
struct TemplateKey {
  std::string server_version;  ///< `postgres --version`
  std::string bindir;
  std::string initdb_arguments;  ///< everything passed to initdb but the directory
  /// The directory name of this key's cache entry.
  [[nodiscard]] std::string entry_name() const;
};

/// Copies the cached data directory for `key` into `data_dir` (created; handed to
/// `owner` when set), checking every file's size and hash against the entry's manifest.
/// False when there is no entry or it does not verify; a bad entry is deleted and
/// `data_dir` is left absent.
bool restore_cluster_template(const std::string& cache_root, const TemplateKey& key,
                              const std::string& data_dir, const std::optional<OsUser>& owner);

/// Stores `data_dir` (fresh from initdb, server not started) as the entry for `key`.
/// Best effort: a cache that cannot be written only costs the next start an initdb.
void save_cluster_template(const std::string& cache_root, const TemplateKey& key,
                           const std::string& data_dir) noexcept;

/// Deletes the entry for `key`, e.g. after a server would not start from it.
void discard_cluster_template(const std::string& cache_root, const TemplateKey& key) noexcept;

}  // namespace migra
