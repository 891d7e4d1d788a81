// Schemas: create, drop, comment, owner, privileges.
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Schema& s) {
  auto q = model::quote_ident(s.name);
  return {"schema", s.key(), "schema " + q, "schema " + q, "alter schema " + q, 'n'};
}

}  // namespace

void diff_schemas(DiffContext& ctx) {
  ctx.each_pair(ctx.from.schemas, ctx.to.schemas, [&](const model::Schema* a, const model::Schema* b) {
    if (!b) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_schema,
                              "drop schema if exists " + model::quote_ident(a->name) + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
      return;
    }
    auto ref = ref_of(*b);
    if (!a) {
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_schema,
                              "create schema if not exists " + model::quote_ident(b->name) + ";"));
    }
    diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b->owner, b->acl);
    diff_comment(ctx, ref, a ? &a->comment : nullptr, b->comment);
  });
}

}  // namespace migra::diff
