#pragma once
#include "model/common.h"
#include "model/sequence.h"

namespace migra::model {

/// A table column. Columns are kept in table order for CREATE TABLE, but their order is
/// not compared: changing it would need a table rewrite, so migra leaves it alone.
struct Column {
  std::string name;
  std::string type;          ///< format_type(atttypid, atttypmod)
  bool not_null = false;
  std::optional<std::string> default_;    ///< pg_get_expr of the default (not for generated)
  // What few columns have is held on the heap: a 5,000-table model has ~50,000 columns.
  HeapOptional<std::string> collation;    ///< qualified, only when it differs from the type's
  std::string identity;                   ///< "", "always" or "by default"
  HeapOptional<SequenceOptions> identity_options;  ///< on the heap: few columns have them
  HeapOptional<std::string> generated;    ///< stored generation expression
  bool inherited = false;                 ///< from a parent only (attislocal false)
  std::optional<std::string> comment;
  Acl acl;                                ///< column-level privileges only
  HeapOptional<std::string> type_key;     ///< user-defined type it uses (element type for arrays)
  std::vector<std::string> depends_on;    ///< keys its default/generation expression uses
  bool operator==(const Column&) const = default;
};
MIGRA_MODEL_FIELDS(Column, name, type, not_null, default_, collation, identity, identity_options,
                   generated, inherited, comment, acl, type_key, depends_on)

/// A table: plain, partitioned, a partition, or an inheritance child.
struct Table {
  std::string schema;
  std::string name;
  bool partitioned = false;
  std::optional<std::string> partition_key;    ///< pg_get_partkeydef, when partitioned
  std::optional<std::string> partition_of;     ///< qualified parent key, when a partition
  std::optional<std::string> partition_bound;  ///< e.g. "FOR VALUES FROM (1) TO (10)"
  std::vector<std::string> inherits;           ///< qualified parent keys (not partitioning)
  bool unlogged = false;
  bool rls_enabled = false;
  bool rls_forced = false;
  std::string replica_identity = "default";  ///< default, nothing, full or index
  std::optional<std::string> replica_identity_index;
  std::vector<std::string> reloptions;       ///< e.g. "fillfactor=70", sorted
  std::string owner;
  std::optional<std::string> comment;
  Acl acl;
  std::vector<Column> columns;               ///< ordered by position
  std::optional<std::string> extension;
  [[nodiscard]] std::string key() const { return qualified(schema, name); }
  bool operator==(const Table&) const = default;
};
MIGRA_MODEL_FIELDS(Table, schema, name, partitioned, partition_key, partition_of, partition_bound,
                   inherits, unlogged, rls_enabled, rls_forced, replica_identity,
                   replica_identity_index, reloptions, owner, comment, acl, columns, extension)

}  // namespace migra::model
