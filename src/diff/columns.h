#pragma once
/// Column pieces shared by CREATE TABLE and ALTER TABLE.
#include <set>
#include <string>

#include "diff/context.h"

namespace migra::diff {

/// `"name" type [collate c] [generated ...] [not null] [default ...]` for CREATE TABLE
/// and ADD COLUMN.
std::string column_definition(const model::Column& column);

/// Identity options that differ from the defaults for its data type, e.g.
/// ` (start with 10 increment by 5)`; empty when all are defaults.
std::string identity_options_clause(const model::SequenceOptions& options);

/// ALTER TABLE statements turning table a's columns into table b's.
void diff_columns(DiffContext& ctx, const model::Table& a, const model::Table& b);

/// What changing a column's type from one format_type to another does.
struct TypeChange {
  bool lossless = false;        ///< every value converts exactly: not destructive
  bool rewrites_table = true;   ///< false when the stored values are kept as they are
};
TypeChange classify_type_change(const std::string& from, const std::string& to);

/// Names of the columns of table `key` that are dropped and added again (a generation
/// expression changes), taking their indexes and constraints with them.
std::set<std::string> readded_columns(const DiffContext& ctx, const std::string& key);

/// True when a column of b that exists in a changes in a way readers notice: its type
/// changes, or its type is recreated; or a column of a is dropped.
bool columns_invalidate_readers(const DiffContext& ctx, const model::Table& a,
                                const model::Table& b);

}  // namespace migra::diff
