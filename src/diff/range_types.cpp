// Range types have no ALTER for their definition: any change recreates them. Columns of
// the range (or its multirange) move to the new version (types.cpp). A range with a
// canonical function is made in three steps: shell type, function, range.
#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/types.h"

namespace migra::diff {
namespace {

ObjectRef ref_of(const model::RangeType& t) {
  return {"type", t.key(), "type " + t.key(), "type " + t.key(), "alter type " + t.key(), 'T'};
}

// A function key "s"."f"(args) as CREATE TYPE wants it: the name without arguments.
// (Quoted names may hold parentheses: the arguments start after the closing quote.)
std::string function_name(const std::string& key) {
  return key.substr(0, key.find('(', key.rfind('"')));
}

// The unquoted parts of a quoted key "s"."n".
std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] != '"') continue;
    std::string part;
    for (++i; i < key.size(); ++i) {
      if (key[i] == '"' && i + 1 < key.size() && key[i + 1] == '"') {
        part += '"';
        ++i;
      } else if (key[i] == '"') {
        break;
      } else {
        part += key[i];
      }
    }
    parts.push_back(part);
  }
  return parts;
}

std::string create_sql(const model::RangeType& t) {
  std::string sql = "create type " + t.key() + " as range (subtype = " + t.subtype;
  if (t.subtype_opclass) sql += ", subtype_opclass = " + *t.subtype_opclass;
  if (t.collation) sql += ", collation = " + *t.collation;
  if (t.canonical) sql += ", canonical = " + function_name(*t.canonical);
  if (t.subtype_diff) sql += ", subtype_diff = " + function_name(*t.subtype_diff);
  if (t.multirange) sql += ", multirange_type_name = " + *t.multirange;
  return sql + ");";
}

bool definition_changed(const model::RangeType& a, const model::RangeType& b) {
  return a.subtype != b.subtype || a.subtype_opclass != b.subtype_opclass ||
         a.collation != b.collation || a.canonical != b.canonical ||
         a.subtype_diff != b.subtype_diff || a.multirange != b.multirange;
}

// Besides the type, its multirange and the constructor functions of both keep their
// names when the type is renamed; the new version needs those names.
std::vector<std::string> companion_renames(const model::RangeType& t) {
  std::string old = model::qualified(t.schema, old_version_name(t.name));
  std::string to = model::quote_ident(old_version_name(t.name));
  std::string ctor = model::qualified(t.schema, t.name);
  std::vector<std::string> out = {
      "alter function " + ctor + "(" + t.subtype + ", " + t.subtype + ") rename to " + to + ";",
      "alter function " + ctor + "(" + t.subtype + ", " + t.subtype + ", text) rename to " + to + ";",
  };
  auto parts = t.multirange ? split_key(*t.multirange) : std::vector<std::string>{};
  if (parts.size() == 2) {
    std::string m = *t.multirange;
    std::string mto = model::quote_ident(old_version_name(parts[1]));
    out.insert(out.begin(), "alter type " + m + " rename to " + mto + ";");
    out.push_back("alter function " + m + "() rename to " + mto + ";");
    out.push_back("alter function " + m + "(" + old + ") rename to " + mto + ";");
    out.push_back("alter function " + m + "(variadic " + old + "[]) rename to " + mto + ";");
  }
  return out;
}

const model::Function* find_function(const model::Model& m, const std::string& key) {
  for (const auto& f : m.functions) {
    if (f.key() == key) return &f;
  }
  return nullptr;
}

// A shell type lets the canonical function be created before the range.
void emit_shell(DiffContext& ctx, const ObjectRef& ref, const model::RangeType& t, plan::Phase phase) {
  auto shell = make_statement(ref, plan::Action::create, phase, "create type " + t.key() + ";");
  shell.requires_nodes = {node_id("schema", model::quote_ident(t.schema))};
  shell.precedes_nodes = {node_id("function", *t.canonical)};
  ctx.emit(std::move(shell));
}

// The canonical function of a recreated range: the old one takes the old version and goes
// with it; the new one, the same in both models (so not the function differ's business),
// is made here for the new version.
void emit_new_canonical(DiffContext& ctx, const model::RangeType& a, const model::RangeType& b) {
  const auto* before = find_function(ctx.from, *b.canonical);
  const auto* after = find_function(ctx.to, *b.canonical);
  if (!before || !after || a.canonical != b.canonical) return;
  ObjectRef ref{"function", after->key(), "function " + after->key(),
                "function " + after->key(), "alter function " + after->key(), 'f'};
  if (before->definition == after->definition) {
    std::string sql = after->definition;
    while (!sql.empty() && (sql.back() == '\n' || sql.back() == ' ')) sql.pop_back();
    ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_function, sql + "\n;"));
  }
  diff_acl(ctx, ref, nullptr, after->acl, after->owner);
  diff_comment(ctx, ref, nullptr, after->comment);
}

}  // namespace

void find_range_type_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.range_types, ctx.to.range_types,
                [&](const model::RangeType* a, const model::RangeType* b) {
    if (a && b && definition_changed(*a, *b)) ctx.mark_recreate(node_id("type", b->key()));
  });
}

void diff_range_types(DiffContext& ctx) {
  ctx.each_pair(ctx.from.range_types, ctx.to.range_types,
                [&](const model::RangeType* a, const model::RangeType* b) {
    if (!b) {
      // A canonical function and its range depend on each other: only CASCADE drops
      // them. Everything else using the range is gone by then.
      auto s = make_statement(ref_of(*a), plan::Action::drop, plan::Phase::drop_type,
                              "drop type " + a->key() + (a->canonical ? " cascade;" : ";"));
      s.destructive = true;
      ctx.emit(std::move(s));
      return;
    }
    auto ref = ref_of(*b);
    bool recreate = a && ctx.recreating(ref.node());
    if (recreate) {
      // The constructors' signatures name the old subtype: renamed before it changes.
      std::vector<std::string> precedes;
      if (auto subtype = ctx.from_graph.resolve(a->subtype_key.value_or("")); !subtype.empty()) {
        precedes.emplace_back(subtype);
      }
      emit_old_version_rename(ctx, ref, "type", a->schema, a->name, companion_renames(*a), precedes);
    }
    if ((!a || recreate) && b->canonical) {
      emit_shell(ctx, ref, *b, recreate ? plan::Phase::recreate_type : plan::Phase::create_type);
      if (recreate) emit_new_canonical(ctx, *a, *b);
    }
    if (recreate) {
      emit_new_version(ctx, ref, create_sql(*b));
    } else if (!a) {
      ctx.emit(make_statement(ref, plan::Action::create, plan::Phase::create_type, create_sql(*b)));
    }
    bool fresh = !a || recreate;
    diff_owner_and_acl(ctx, ref, fresh ? nullptr : &a->owner, fresh ? nullptr : &a->acl, b->owner,
                       b->acl);
    diff_comment(ctx, ref, fresh ? nullptr : &a->comment, b->comment);
    if (recreate) {
      // An old canonical function that the target lacks goes with the old version (CASCADE);
      // the function differ's drop comes after and finds nothing left.
      auto drop = old_version_drop(ctx, ref, "type", a->schema, a->name, a->canonical.has_value());
      if (a->canonical && !find_function(ctx.to, *a->canonical)) {
        drop.precedes_nodes.push_back(node_id("function", *a->canonical));
      }
      ctx.emit(std::move(drop));
    }
  });
}

}  // namespace migra::diff
