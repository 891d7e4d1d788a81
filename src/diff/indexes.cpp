// Indexes. Indexes backing a constraint belong to it; indexes on partitions that belong
// to a partitioned parent index are created with it.
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Index& i) {
  return {"index", i.key(), "", "index " + i.key(), "alter index " + i.key(), 'r'};
}

bool managed_elsewhere(const model::Index& i) { return i.constraint.has_value() || i.parent.has_value(); }

}  // namespace

void find_index_recreations(DiffContext& ctx) {
  for_each_pair(ctx.from.indexes, ctx.to.indexes, [&](const model::Index* a, const model::Index* b) {
    if (a && b && !managed_elsewhere(*b) && a->definition != b->definition) {
      ctx.mark_recreate(node_id("index", b->key()));
    }
  });
}

void diff_indexes(DiffContext& ctx) {
  for_each_pair(ctx.from.indexes, ctx.to.indexes, [&](const model::Index* a, const model::Index* b) {
    if ((a && managed_elsewhere(*a)) || (b && managed_elsewhere(*b))) {
      // A constraint's index turning into a plain one (or back) is handled as a drop here
      // and a create there, and vice versa.
      if (a && b) return;
      if (a && managed_elsewhere(*a)) a = nullptr;
      if (b && managed_elsewhere(*b)) b = nullptr;
      if (!a && !b) return;
    }
    bool recreate = b && ctx.recreating(node_id("index", b->key()));
    if (a && (!b || recreate) && !ctx.relation_goes_away(a->table_key())) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_index,
                              "drop index if exists " + a->key() + ";");
      s.destructive = true;
      s.lock = plan::Lock::access_exclusive;
      ctx.emit(std::move(s));
    }
    if (b && (!a || recreate)) {
      auto s = make_statement(ref_of(*b), plan::Action::create, plan::Phase::create_index,
                              b->definition + ";");
      s.lock = plan::Lock::share;
      ctx.emit(std::move(s));
      diff_comment(ctx, ref_of(*b), nullptr, b->comment);
      return;
    }
    if (a && b) diff_comment(ctx, ref_of(*b), &a->comment, b->comment);
  });
}

}  // namespace migra::diff
