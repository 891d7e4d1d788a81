#include "diff/diff.h"

#include "diff/kinds.h"
#include "plan/order.h"

namespace migra::diff {

namespace {

// The statements, unordered. The context (with both dependency graphs) is gone before
// they are ordered.
std::vector<plan::Statement> statements(const model::Model& from, const model::Model& to,
                                        const DiffOptions& options) {
  DiffContext ctx(from, to, options);
  if (options.create_extensions_only) {
    // The original's --create-extensions-only: nothing but the missing extensions.
    diff_extensions(ctx);
    return ctx.take();
  }
  find_collation_recreations(ctx);
  find_enum_recreations(ctx);
  find_domain_recreations(ctx);
  find_composite_type_recreations(ctx);
  find_range_type_recreations(ctx);
  find_table_recreations(ctx);
  find_constraint_recreations(ctx);
  find_index_recreations(ctx);
  find_view_recreations(ctx);
  find_function_recreations(ctx);
  find_trigger_recreations(ctx);
  find_policy_recreations(ctx);
  ctx.cascade_recreations();
  // Column changes (including columns of recreated types) invalidate readers of tables.
  find_table_invalidations(ctx);
  find_policy_invalidations(ctx);
  find_trigger_invalidations(ctx);
  ctx.cascade_recreations();

  diff_schemas(ctx);
  diff_extensions(ctx);
  diff_collations(ctx);
  diff_enums(ctx);
  diff_domains(ctx);
  diff_composite_types(ctx);
  diff_range_types(ctx);
  diff_sequences(ctx);
  diff_tables(ctx);
  diff_constraints(ctx);
  diff_indexes(ctx);
  diff_views(ctx);
  diff_functions(ctx);
  diff_triggers(ctx);
  diff_event_triggers(ctx);
  diff_policies(ctx);
  diff_default_privileges(ctx);
  return ctx.take();
}

}  // namespace

plan::Plan diff(const model::Model& from, const model::Model& to, const DiffOptions& options) {
  plan::Plan plan;
  plan.statements = plan::order_statements(statements(from, to, options));
  return plan;
}

}  // namespace migra::diff
