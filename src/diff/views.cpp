// Views and materialized views. A view whose existing columns stay as they are is
// replaced in place (CREATE OR REPLACE); otherwise it is recreated with its dependents.
#include <algorithm>

#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

const char* noun(const model::View& v) { return v.materialized ? "materialized view" : "view"; }

ObjectRef ref_of(const model::View& v) {
  std::string n = std::string(noun(v)) + " " + v.key();
  // GRANT names every relation kind "table".
  return {"view", v.key(), "table " + v.key(), n, "alter " + n, 'r'};
}

std::string body(const model::View& v) {
  std::string d = v.definition;
  while (!d.empty() && (d.back() == ';' || d.back() == '\n' || d.back() == ' ')) d.pop_back();
  return d;
}

std::string create_sql(const model::View& v, bool replace) {
  std::string sql = std::string("create ") + (replace ? "or replace " : "") + noun(v) + " " + v.key();
  if (!v.options.empty()) {
    sql += " with (";
    for (size_t i = 0; i < v.options.size(); ++i) sql += (i ? ", " : "") + v.options[i];
    sql += ")";
  }
  sql += " as " + body(v);
  if (v.check_option) sql += "\n  with " + *v.check_option + " check option";
  if (v.materialized && !v.populated) sql += "\n  with no data";
  return sql + ";";
}

// CREATE OR REPLACE VIEW may only append columns and change the query.
bool replaceable(const model::View& a, const model::View& b) {
  if (a.materialized || b.materialized || a.columns.size() > b.columns.size()) return false;
  for (size_t i = 0; i < a.columns.size(); ++i) {
    if (a.columns[i].name != b.columns[i].name || a.columns[i].type != b.columns[i].type) return false;
  }
  return true;
}

bool shape_changed(const model::View& a, const model::View& b) {
  return a.definition != b.definition || a.columns.size() != b.columns.size() ||
         !std::equal(a.columns.begin(), a.columns.end(), b.columns.begin(),
                     [](const model::ViewColumn& x, const model::ViewColumn& y) {
                       return x.name == y.name && x.type == y.type;
                     });
}

const model::ViewColumn* find_column(const model::View& v, const std::string& name) {
  for (const auto& c : v.columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

// Owner, grants, comments and column defaults; a null `a` means the view is new (or
// recreated) and has none of them yet.
void emit_extras(DiffContext& ctx, const model::View* a, const model::View& b, bool recreated) {
  auto ref = ref_of(b);
  if (recreated) {
    restore_owner(ctx, ref, b.owner);
    a = nullptr;
    diff_acl(ctx, ref, nullptr, b.acl, b.owner);
  } else {
    diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b.owner, b.acl);
  }
  diff_comment(ctx, ref, a ? &a->comment : nullptr, b.comment);
  for (const auto& c : b.columns) {
    const model::ViewColumn* old = a ? find_column(*a, c.name) : nullptr;
    std::string column = model::quote_ident(c.name);
    auto before_default = old ? old->default_ : std::nullopt;
    if (before_default != c.default_) {
      // Defaults apply to inserts through the view; they live on the view's columns.
      std::string clause = c.default_ ? "set default " + *c.default_ : std::string("drop default");
      ctx.emit(make_statement(ref, plan::Action::alter, plan::Phase::create_view,
                              "alter " + std::string(noun(b)) + " " + b.key() + " alter column " +
                                  column + " " + clause + ";"));
    }
    diff_acl(ctx, ref, old ? &old->acl : nullptr, c.acl, b.owner, c.name);
    diff_comment(ctx, {"view", b.key(), "", "column " + b.key() + "." + column, "", 'r'},
                 old ? &old->comment : nullptr, c.comment);
  }
}

}  // namespace

void find_view_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.views, ctx.to.views, [&](const model::View* a, const model::View* b) {
    if (!a || !b) return;
    bool recreate = a->materialized != b->materialized ||
                    (shape_changed(*a, *b) && !replaceable(*a, *b)) ||
                    (a->materialized && (a->options != b->options || a->populated != b->populated));
    if (recreate) ctx.mark_recreate(node_id("view", b->key()));
  });
}

void diff_views(DiffContext& ctx) {
  ctx.each_pair(ctx.from.views, ctx.to.views, [&](const model::View* a, const model::View* b) {
    bool recreate = a && b && ctx.recreating(node_id("view", b->key()));
    if (a && (!b || recreate)) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_dependent,
                              std::string("drop ") + noun(*a) + " if exists " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
    }
    if (!b) return;
    if (!a || recreate) {
      auto s = make_statement(ref_of(*b), plan::Action::create, plan::Phase::create_view,
                              create_sql(*b, !b->materialized));
      ctx.emit(std::move(s));
      emit_extras(ctx, a, *b, a != nullptr);
      return;
    }
    if (shape_changed(*a, *b) || a->check_option != b->check_option ||
        (!b->materialized && a->options != b->options)) {
      ctx.emit(make_statement(ref_of(*b), plan::Action::alter, plan::Phase::create_view,
                              create_sql(*b, true)));
    }
    emit_extras(ctx, a, *b, false);
  });
}

}  // namespace migra::diff
