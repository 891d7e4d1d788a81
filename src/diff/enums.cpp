// Enum types. Labels that are only added (anywhere) become ALTER TYPE ... ADD VALUE, so
// no table is touched. Removed or reordered labels need a new type: the old one is
// renamed, the new one created, columns converted through text, the old one dropped.
#include <algorithm>

#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

constexpr const char* kOldSuffix = "__old_version_to_be_dropped";

ObjectRef ref_of(const model::EnumType& e) {
  return {"type", e.key(), "type " + e.key(), "type " + e.key(), "alter type " + e.key(), 'T'};
}

std::string create_sql(const model::EnumType& e) {
  std::string sql = "create type " + e.key() + " as enum (";
  for (size_t i = 0; i < e.labels.size(); ++i) sql += (i ? ", " : "") + model::quote_literal(e.labels[i]);
  return sql + ");";
}

// True when a's labels appear in b in the same order (b only adds labels).
bool only_additions(const model::EnumType& a, const model::EnumType& b) {
  size_t j = 0;
  for (const auto& label : b.labels) {
    if (j < a.labels.size() && a.labels[j] == label) ++j;
  }
  return j == a.labels.size();
}

void emit_extras(DiffContext& ctx, const model::EnumType* a, const model::EnumType& b) {
  auto ref = ref_of(b);
  diff_owner_and_acl(ctx, ref, a ? &a->owner : nullptr, a ? &a->acl : nullptr, b.owner, b.acl);
  diff_comment(ctx, ref, a ? &a->comment : nullptr, b.comment);
}

}  // namespace

void find_enum_recreations(DiffContext& ctx) {
  for_each_pair(ctx.from.enums, ctx.to.enums, [&](const model::EnumType* a, const model::EnumType* b) {
    if (a && b && !only_additions(*a, *b)) ctx.mark_recreate(node_id("type", b->key()));
  });
}

void diff_enums(DiffContext& ctx) {
  for_each_pair(ctx.from.enums, ctx.to.enums, [&](const model::EnumType* a, const model::EnumType* b) {
    if (!b) {
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop type " + a->key() + ";");
      s.destructive = true;
      ctx.emit(std::move(s));
      return;
    }
    auto ref = ref_of(*b);
    if (!a) {
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_type, create_sql(*b)));
      emit_extras(ctx, nullptr, *b);
      return;
    }
    if (ctx.recreating(ref.node())) {
      std::string old_name = b->name + kOldSuffix;
      auto rename = make_statement(ref, plan::Action::alter, plan::Phase::recreate_type,
                                   "alter type " + a->key() + " rename to " +
                                       model::quote_ident(old_name) + ";");
      rename.requires_nodes = {node_id("schema", model::quote_ident(b->schema))};
      ctx.emit(std::move(rename));
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::recreate_type, create_sql(*b)));
      // The old type goes once every table column using it has been converted.
      auto drop = make_statement({"type", model::qualified(b->schema, old_name), "", "", "", 'T'},
                                 plan::Action::drop, plan::Phase::drop_type,
                                 "drop type " + model::qualified(b->schema, old_name) + ";");
      drop.kind = "type";
      drop.destructive = true;
      for (const auto& d : ctx.from_graph.dependents_of(ref.node())) {
        if (d.starts_with("table:")) drop.requires_nodes.push_back(d);
      }
      drop.requires_nodes.push_back(ref.node());
      ctx.emit(std::move(drop));
      emit_extras(ctx, nullptr, *b);
      return;
    }
    // Add each new label next to a neighbour that already exists.
    std::vector<std::string> present = a->labels;
    for (size_t i = 0; i < b->labels.size(); ++i) {
      const auto& label = b->labels[i];
      if (std::find(present.begin(), present.end(), label) != present.end()) continue;
      std::string where;
      if (i > 0) {
        where = " after " + model::quote_literal(b->labels[i - 1]);
      } else if (!a->labels.empty()) {
        where = " before " + model::quote_literal(a->labels.front());
      }
      // Appending needs no position; it keeps the output short, as the original does.
      if (i + 1 == b->labels.size()) where.clear();
      auto s = make_statement(ref, plan::Action::alter, plan::Phase::create_type,
                              "alter type " + b->key() + " add value " + model::quote_literal(label) +
                                  where + ";");
      ctx.emit(std::move(s));
      present.push_back(label);
    }
    emit_extras(ctx, a, *b);
  });
}

}  // namespace migra::diff
