#pragma once
/// The per-kind differs. Each kind has the same shape: `find_*_recreations` marks
/// objects that cannot be altered in place (before statements are made, so recreation
/// can cascade to dependents), and `diff_*` emits create / alter / drop statements.
#include "diff/context.h"

namespace migra::diff {

void diff_schemas(DiffContext& ctx);
void diff_extensions(DiffContext& ctx);
void find_collation_recreations(DiffContext& ctx);
void diff_collations(DiffContext& ctx);
void find_enum_recreations(DiffContext& ctx);
void diff_enums(DiffContext& ctx);
void find_domain_recreations(DiffContext& ctx);
void diff_domains(DiffContext& ctx);
void find_composite_type_recreations(DiffContext& ctx);
void diff_composite_types(DiffContext& ctx);
void find_range_type_recreations(DiffContext& ctx);
void diff_range_types(DiffContext& ctx);
void diff_sequences(DiffContext& ctx);
void find_table_recreations(DiffContext& ctx);
/// Views and functions that read a table whose columns change type or go away.
void find_table_invalidations(DiffContext& ctx);
void diff_tables(DiffContext& ctx);
void find_constraint_recreations(DiffContext& ctx);
void diff_constraints(DiffContext& ctx);
void find_index_recreations(DiffContext& ctx);
void diff_indexes(DiffContext& ctx);
void find_view_recreations(DiffContext& ctx);
void diff_views(DiffContext& ctx);
void find_function_recreations(DiffContext& ctx);
void diff_functions(DiffContext& ctx);
void find_trigger_recreations(DiffContext& ctx);
void diff_triggers(DiffContext& ctx);
void diff_event_triggers(DiffContext& ctx);
void find_policy_recreations(DiffContext& ctx);
/// Policies and triggers using a column whose type changes or that goes away.
void find_policy_invalidations(DiffContext& ctx);
void find_trigger_invalidations(DiffContext& ctx);
void diff_policies(DiffContext& ctx);
void diff_default_privileges(DiffContext& ctx);

}  // namespace migra::diff
