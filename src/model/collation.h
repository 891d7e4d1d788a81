#pragma once
#include "model/common.h"

namespace migra::model {

/// A collation (CREATE COLLATION).
struct Collation {
  std::string schema;
  std::string name;
  std::string provider;  ///< "libc", "icu" or "default"
  bool deterministic = true;
  std::optional<std::string> lc_collate;
  std::optional<std::string> lc_ctype;
  std::optional<std::string> icu_locale;
  std::string owner;
  std::optional<std::string> comment;
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const Collation&) const = default;
};
MIGRA_MODEL_FIELDS(Collation, schema, name, provider, deterministic, lc_collate, lc_ctype,
                   icu_locale, owner, comment, extension)

}  // namespace migra::model
