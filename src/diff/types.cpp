#include "diff/types.h"

#include <algorithm>

namespace migra::diff {
namespace {

constexpr const char* kOldSuffix = "__old_version_to_be_dropped";

const model::CompositeType* find_composite(const std::vector<model::CompositeType>& types,
                                           const std::string& key) {
  auto it = std::find_if(types.begin(), types.end(),
                         [&](const model::CompositeType& t) { return t.key() == key; });
  return it == types.end() ? nullptr : &*it;
}

}  // namespace

std::string old_version_name(const std::string& name) { return name + kOldSuffix; }

std::string old_version_node(const std::string& node) { return node + "#old"; }

void emit_old_version_rename(DiffContext& ctx, const ObjectRef& ref, const std::string& noun,
                             const std::string& schema, const std::string& name,
                             const std::vector<std::string>& extra,
                             const std::vector<std::string>& precedes) {
  auto rename = make_statement(ref, plan::Action::alter, plan::Phase::recreate_type,
                               "alter " + noun + " " + model::qualified(schema, name) +
                                   " rename to " + model::quote_ident(old_version_name(name)) + ";");
  // Only the schema: the rename must not wait for anything the new version needs. Statements
  // that drop what uses the type (and release its node) still come first.
  rename.requires_nodes = {node_id("schema", model::quote_ident(schema))};
  rename.precedes_nodes = precedes;
  rename.precedes_nodes.push_back(ref.node());
  ctx.emit(std::move(rename));
  // Ready with the rename and emitted before the create: the tie-break puts them between.
  for (const auto& sql : extra) {
    auto s = make_statement(ref, plan::Action::alter, plan::Phase::recreate_type, sql);
    s.requires_nodes = {node_id("schema", model::quote_ident(schema))};
    s.precedes_nodes = precedes;
    ctx.emit(std::move(s));
  }
}

void emit_new_version(DiffContext& ctx, const ObjectRef& ref, std::string sql) {
  ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::recreate_type, std::move(sql)));
}

plan::Statement old_version_drop(const DiffContext& ctx, const ObjectRef& ref,
                                 const std::string& noun, const std::string& schema,
                                 const std::string& name, bool cascade) {
  std::string old = model::qualified(schema, old_version_name(name));
  plan::Statement s;
  s.sql = "drop " + noun + " " + old + (cascade ? " cascade;" : ";");
  s.kind = ref.kind;
  s.object = old;
  s.action = plan::Action::drop;
  s.phase = plan::Phase::drop_type;
  s.node = old_version_node(ref.node());
  // Narrowing a type (an enum losing labels, a domain a wider base) can lose data.
  s.destructive = true;
  // After the tables that used it are converted, and after the new version exists.
  for (const auto& d : ctx.from_graph.dependents_of(ref.node())) {
    if (d.starts_with("table:")) s.requires_nodes.push_back(d);
  }
  s.requires_nodes.push_back(ref.node());
  // It uses the old versions of recreated types it is built on: they go after it.
  for (const auto& r : ctx.from_graph.requires_of(ref.node())) {
    if (ctx.recreating(r)) s.releases_nodes.push_back(old_version_node(r));
  }
  return s;
}

std::string recreated_type_conversion(const DiffContext& ctx, const std::string& type_key,
                                      const std::string& column, const std::string& to_type) {
  const auto* a = find_composite(ctx.from.composite_types, type_key);
  const auto* b = find_composite(ctx.to.composite_types, type_key);
  // Arrays can't be rebuilt element by element here (no subqueries in USING).
  if (!a || !b || to_type.ends_with("]")) return "";
  // Rebuilt attribute by attribute, by name: a text round trip would match them by
  // position, and attributes that changed places would silently swap values.
  std::string row;
  for (const auto& at : b->attributes) {
    auto old = std::find_if(a->attributes.begin(), a->attributes.end(),
                            [&](const model::CompositeAttribute& x) { return x.name == at.name; });
    std::string field;
    if (old == a->attributes.end()) {
      field = "null::" + at.type;
    } else {
      bool via_text = at.type_key && ctx.recreating(node_id("type", *at.type_key));
      field = "(" + column + ")." + model::quote_ident(at.name) + (via_text ? "::text::" : "::") +
              at.type;
    }
    row += (row.empty() ? "" : ", ") + field;
  }
  // A row of nulls is a value, unlike NULL itself: keep the difference.
  return "case when " + column + " is not distinct from null then null else row(" + row +
         ")::" + to_type + " end";
}

}  // namespace migra::diff
