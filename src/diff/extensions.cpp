// Extensions: create, drop, version updates.
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::Extension& e) {
  auto q = model::quote_ident(e.name);
  return {"extension", e.key(), "", "extension " + q, "alter extension " + q, 'r'};
}

}  // namespace

void diff_extensions(DiffContext& ctx) {
  ctx.each_pair(ctx.from.extensions, ctx.to.extensions,
                [&](const model::Extension* a, const model::Extension* b) {
    if (!b) {
      if (ctx.options.create_extensions_only) return;
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_extension,
                              "drop extension if exists " + model::quote_ident(a->name) + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
      return;
    }
    auto ref = ref_of(*b);
    if (!a) {
      std::string sql = "create extension if not exists " + model::quote_ident(b->name) +
                        " with schema " + model::quote_ident(b->schema);
      if (!ctx.options.ignore_extension_versions) sql += " version " + model::quote_literal(b->version);
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_extension, sql + ";"));
      return;
    }
    if (ctx.options.create_extensions_only) return;
    if (a->schema != b->schema) {
      ctx.emit(make_statement(ref, plan::Action::alter, plan::Phase::create_extension,
                              "alter extension " + model::quote_ident(b->name) + " set schema " +
                                  model::quote_ident(b->schema) + ";"));
    }
    if (a->version != b->version && !ctx.options.ignore_extension_versions) {
      ctx.emit(make_statement(ref, plan::Action::alter, plan::Phase::create_extension,
                              "alter extension " + model::quote_ident(b->name) + " update to " +
                                  model::quote_literal(b->version) + ";"));
    }
  });
}

}  // namespace migra::diff
