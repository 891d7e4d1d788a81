#pragma once
#include "model/common.h"

namespace migra::model {

/// Parameters shared by sequences and identity columns.
struct SequenceOptions {
  std::string data_type = "bigint";  ///< format_type of seqtypid
  std::int64_t start = 1;
  std::int64_t increment = 1;
  std::int64_t min = 1;
  std::int64_t max = 0;
  std::int64_t cache = 1;
  bool cycle = false;
  bool operator==(const SequenceOptions&) const = default;
};
MIGRA_MODEL_FIELDS(SequenceOptions, data_type, start, increment, min, max, cache, cycle)

/// A sequence (CREATE SEQUENCE); the current value is deliberately not modelled.
struct Sequence {
  std::string schema;
  std::string name;
  SequenceOptions options;
  bool unlogged = false;  ///< CREATE UNLOGGED SEQUENCE (PostgreSQL 15+)
  std::optional<std::string> owned_by_table;   ///< qualified key of the owning table (serial,
                                               ///< OWNED BY, identity)
  std::optional<std::string> owned_by_column;  ///< column name in that table
  bool identity = false;  ///< belongs to an identity column: diffed with the column
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const Sequence&) const = default;
};
MIGRA_MODEL_FIELDS(Sequence, schema, name, options, unlogged, owned_by_table, owned_by_column,
                   identity, owner, comment, acl, extension)

}  // namespace migra::model
