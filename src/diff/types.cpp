#include "diff/types.h"

#include <algorithm>

namespace migra::diff {
namespace {

constexpr const char* kOldSuffix = "__old_version_to_be_dropped";

// Converts an array of a recreated composite type, element by element (USING allows no
// subqueries, a function may hold one). Session-local, dropped once the columns are done.
constexpr const char* kArrayConversion = "pg_temp.\"migra_array_conversion\"";

const model::CompositeType* find_composite(const std::vector<model::CompositeType>& types,
                                           const std::string& key) {
  auto it = std::find_if(types.begin(), types.end(),
                         [&](const model::CompositeType& t) { return t.key() == key; });
  return it == types.end() ? nullptr : &*it;
}

// `value` (of the old version of a composite type) as a row of the new version, attribute
// by attribute, by name: a text round trip would match them by position, and attributes
// that changed places would silently swap values.
std::string row_conversion(const DiffContext& ctx, const model::CompositeType& a,
                           const model::CompositeType& b, const std::string& value,
                           const std::string& to_type) {
  std::string row;
  for (const auto& at : b.attributes) {
    auto old = std::find_if(a.attributes.begin(), a.attributes.end(),
                            [&](const model::CompositeAttribute& x) { return x.name == at.name; });
    std::string field;
    if (old == a.attributes.end()) {
      field = "null::" + at.type;
    } else {
      bool via_text = at.type_key && ctx.recreating(node_id("type", *at.type_key));
      field = value + "." + model::quote_ident(at.name) + (via_text ? "::text::" : "::") + at.type;
    }
    row += (row.empty() ? "" : ", ") + field;
  }
  // A row of nulls is a value, unlike NULL itself: keep the difference.
  return "case when " + value + " is not distinct from null then null else row(" + row + ")::" +
         to_type + " end";
}

}  // namespace

std::string old_version_name(const std::string& name) { return name + kOldSuffix; }

std::string old_version_node(std::string_view node) { return std::string(node) + "#old"; }

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
    if (d.starts_with("table:")) s.requires_nodes.emplace_back(d);
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
  if (!a || !b) return "";
  if (to_type.ends_with("]")) return std::string(kArrayConversion) + "(" + column + ")";
  return row_conversion(ctx, *a, *b, "(" + column + ")", to_type);
}

std::vector<plan::Statement> array_conversion_function(const DiffContext& ctx,
                                                       const model::CompositeType& a,
                                                       const model::CompositeType& b) {
  std::vector<std::string> tables;
  for (const auto& t : ctx.from.tables) {
    for (const auto& c : t.columns) {
      if (c.type_key == b.key() && c.type.ends_with("]")) tables.push_back(node_id("table", t.key()));
    }
  }
  if (tables.empty()) return {};
  std::string node = node_id("type", b.key());
  std::string signature = std::string(kArrayConversion) + "(" +
                          model::qualified(b.schema, old_version_name(b.name)) + "[])";
  plan::Statement create;
  // Element by element, by subscript: a NULL element stays NULL. STRICT: so does a NULL array.
  create.sql = "create function " + signature + " returns " + b.key() +
               "[] language sql immutable strict as $$ select array(select " +
               row_conversion(ctx, a, b, "($1[s.i])", b.key()) +
               " from pg_catalog.generate_subscripts($1, 1) as s(i)) $$;";
  create.kind = "function";
  create.object = signature;
  create.action = plan::Action::create;
  create.phase = plan::Phase::recreate_type;
  create.node = node + "#conversion";
  create.requires_nodes = {node};
  create.precedes_nodes = tables;
  plan::Statement drop;
  drop.sql = "drop function " + signature + ";";
  drop.kind = "function";
  drop.object = signature;
  drop.action = plan::Action::drop;
  drop.phase = plan::Phase::drop_type;
  drop.node = node + "#conversion-drop";
  drop.requires_nodes = tables;
  drop.requires_nodes.push_back(create.node);
  drop.releases_nodes = {old_version_node(node)};
  return {create, drop};
}

}  // namespace migra::diff
