// Indexes. Indexes backing a constraint belong to it; indexes on partitions that belong
// to a partitioned parent index are created with it.
#include "diff/columns.h"
#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/tables.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Index& i) {
  return {"index", i.key(), "", "index " + i.key(), "alter index " + i.key(), 'r'};
}

bool managed_elsewhere(const model::Index& i) { return i.constraint.has_value() || i.parent.has_value(); }

// An index this differ creates and drops: not a constraint's, and not a partition's copy
// of its parent's index, unless the partition is detached (then the copy is its own).
bool owned(const DiffContext& ctx, const model::Index& i, bool source) {
  if (i.constraint) return false;
  if (!i.parent) return true;
  return source && becomes_local(ctx, i.table_key(), i.name, false);
}

// On a partitioned table pg_get_indexdef says ON ONLY, which would leave the partitions
// without the index; created plainly, PostgreSQL builds (or attaches) theirs too.
std::string create_sql(const model::Index& i) {
  const std::string only = " ON ONLY ";
  std::string sql = i.definition;
  // Searching past the name keeps an odd index name from matching.
  std::string head = i.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  auto at = sql.find(only, head.size() + i.name.size());
  if (at != std::string::npos) sql.replace(at, only.size(), " ON ");
  return sql;
}

// An index on a column that is dropped and added again goes with the column. Expression
// and partial indexes may read it too.
bool uses_readded_column(const DiffContext& ctx, const model::Index& i) {
  if (ctx.computed_column_tables().empty()) return false;
  auto readded = readded_columns(ctx, i.table_key());
  if (readded.empty()) return false;
  if (i.predicate) return true;
  for (const auto* list : {&i.columns, &i.include}) {
    for (const auto& c : *list) {
      if (c.empty() || readded.count(c)) return true;
    }
  }
  return false;
}

}  // namespace

void find_index_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.indexes, ctx.to.indexes,
                [&](const model::Index* a, const model::Index* b, std::string_view node) {
    if (a && b && !managed_elsewhere(*b) &&
        (a->definition != b->definition || uses_readded_column(ctx, *b))) {
      ctx.mark_recreate(node);
    }
  });
}

void diff_indexes(DiffContext& ctx) {
  ctx.each_pair(ctx.from.indexes, ctx.to.indexes,
                [&](const model::Index* a, const model::Index* b, std::string_view node) {
    // A constraint's index turning into a plain one (or back) is a drop on one side and a
    // create on the other; the constraint differ does the rest.
    const model::Index* mine_a = a && owned(ctx, *a, true) ? a : nullptr;
    const model::Index* mine_b = b && owned(ctx, *b, false) ? b : nullptr;
    // A detached partition's index that the partition gets back, unchanged, by attaching
    // again to a parent index of the same definition.
    if (mine_a && a->parent && b && b->parent && !b->constraint && a->definition == b->definition) {
      return;
    }
    a = mine_a;
    b = mine_b;
    if (!a && !b) return;
    bool recreate = a && b && ctx.recreating(node);
    if (a && (!b || recreate) && !ctx.relation_goes_away(a->table_key())) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_index,
                              "drop index if exists " + a->key() + ";");
      s.destructive = true;
      s.lock = plan::Lock::access_exclusive;
      ctx.emit(std::move(s));
    }
    if (b && (!a || recreate)) {
      auto s = make_statement(ref_of(*b), plan::Action::create, plan::Phase::create_index,
                              create_sql(*b) + ";");
      s.lock = plan::Lock::share;
      ctx.emit(std::move(s));
      diff_comment(ctx, ref_of(*b), nullptr, b->comment);
      return;
    }
    if (a && b && comment_changes(&a->comment, b->comment)) {
      diff_comment(ctx, ref_of(*b), &a->comment, b->comment);
    }
  });
}

}  // namespace migra::diff
