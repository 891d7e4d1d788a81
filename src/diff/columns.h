#pragma once
/// Column pieces shared by CREATE TABLE and ALTER TABLE.
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

/// True when a column of b that exists in a changes in a way readers notice: its type
/// changes, or its type is recreated; or a column of a is dropped.
bool columns_invalidate_readers(const DiffContext& ctx, const model::Table& a,
                                const model::Table& b);

/// The same for one column of a.
bool column_invalidates_readers(const DiffContext& ctx, const model::Table& a,
                                const model::Table& b, const std::string& column);

/// True when the table with this key exists on both sides and one of the named columns
/// invalidates its readers (policies and triggers that name columns).
bool columns_invalidate_readers(const DiffContext& ctx, const std::string& table_key,
                                const std::vector<std::string>& columns);

}  // namespace migra::diff
