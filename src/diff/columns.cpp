// Columns: add, drop, type, default, not null, identity, generated, comments, grants.
#include "diff/columns.h"

#include <algorithm>
#include <limits>
#include <map>

#include "diff/common.h"
#include "diff/sequence_options.h"

namespace migra::diff {
namespace {

std::int64_t type_max(const std::string& data_type) {
  if (data_type == "smallint") return std::numeric_limits<std::int16_t>::max();
  if (data_type == "integer") return std::numeric_limits<std::int32_t>::max();
  return std::numeric_limits<std::int64_t>::max();
}

// The options PostgreSQL picks when an identity column names none.
model::SequenceOptions default_identity_options(const std::string& data_type) {
  model::SequenceOptions o;
  o.data_type = data_type;
  o.start = 1;
  o.increment = 1;
  o.min = 1;
  o.max = type_max(data_type);
  o.cache = 1;
  o.cycle = false;
  return o;
}

std::string type_with_collation(const model::Column& c) {
  std::string s = c.type;
  if (c.collation) s += " collate " + *c.collation;
  return s;
}

// Conversions that never lose data, so a type change between them is not destructive.
bool widening(const std::string& from, const std::string& to) {
  static const std::multimap<std::string, std::string> safe = {
      {"smallint", "integer"}, {"smallint", "bigint"}, {"integer", "bigint"},
      {"smallint", "numeric"}, {"integer", "numeric"}, {"bigint", "numeric"},
      {"real", "double precision"}, {"character varying", "text"}, {"character", "text"},
      {"timestamp without time zone", "timestamp with time zone"},
  };
  if (to == "text" && (from.starts_with("character varying") || from.starts_with("character(")))
    return true;
  if (from.starts_with("character varying(") && to == "character varying") return true;
  if (from.starts_with("numeric(") && to == "numeric") return true;
  if (from.starts_with("character varying(") && to.starts_with("character varying(")) {
    return std::stoi(from.substr(18)) <= std::stoi(to.substr(18));
  }
  auto [lo, hi] = safe.equal_range(from);
  for (auto it = lo; it != hi; ++it) {
    if (it->second == to) return true;
  }
  return false;
}

ObjectRef table_ref(const model::Table& t) {
  return {"table", t.key(), "table " + t.key(), "table " + t.key(), "alter table " + t.key(), 'r'};
}

std::vector<std::string> functions_going_away(const DiffContext& ctx, const model::Column& c) {
  std::vector<std::string> out;
  if (!c.default_ && !c.generated) return out;
  for (const auto& k : c.depends_on) {
    auto n = ctx.from_graph.resolve(k);
    if (n.starts_with("function:") && (ctx.recreating(n) || !ctx.to_graph.contains(n))) {
      out.push_back(n);
    }
  }
  return out;
}

plan::Statement alter(const model::Table& t, std::string clause) {
  auto s = make_statement(table_ref(t), plan::Action::alter, plan::Phase::alter_table,
                          "alter table " + t.key() + " " + std::move(clause) + ";");
  s.kind = "column";
  s.lock = plan::Lock::access_exclusive;
  return s;
}

std::string col(const model::Column& c) { return model::quote_ident(c.name); }

}  // namespace

std::string identity_options_clause(const model::SequenceOptions& options) {
  auto defaults = default_identity_options(options.data_type);
  std::string clauses = sequence_option_clauses(&defaults, options);
  if (clauses.empty()) return "";
  return " (" + clauses.substr(1) + ")";
}

std::string column_definition(const model::Column& c) {
  std::string s = col(c) + " " + type_with_collation(c);
  if (c.generated) s += " generated always as (" + *c.generated + ") stored";
  if (!c.identity.empty()) {
    s += " generated " + c.identity + " as identity";
    if (c.identity_options) s += identity_options_clause(*c.identity_options);
  }
  if (c.not_null) s += " not null";
  if (c.default_) s += " default " + *c.default_;
  return s;
}

bool columns_invalidate_readers(const DiffContext& ctx, const model::Table& a,
                                const model::Table& b) {
  return std::any_of(a.columns.begin(), a.columns.end(), [&](const model::Column& c) {
    return column_invalidates_readers(ctx, a, b, c.name);
  });
}

bool columns_invalidate_readers(const DiffContext& ctx, const std::string& table_key,
                                const std::vector<std::string>& columns) {
  auto find = [&](const std::vector<model::Table>& tables) -> const model::Table* {
    auto it = std::lower_bound(tables.begin(), tables.end(), table_key,
                               [](const model::Table& t, const std::string& k) { return t.key() < k; });
    return it != tables.end() && it->key() == table_key ? &*it : nullptr;
  };
  const auto* a = find(ctx.from.tables);
  const auto* b = find(ctx.to.tables);
  if (!a || !b) return false;
  return std::any_of(columns.begin(), columns.end(), [&](const std::string& c) {
    return column_invalidates_readers(ctx, *a, *b, c);
  });
}

bool column_invalidates_readers(const DiffContext& ctx, const model::Table& a,
                                const model::Table& b, const std::string& column) {
  auto named = [&](const model::Column& c) { return c.name == column; };
  auto old = std::find_if(a.columns.begin(), a.columns.end(), named);
  if (old == a.columns.end()) return false;
  auto now = std::find_if(b.columns.begin(), b.columns.end(), named);
  if (now == b.columns.end()) return true;
  if (now->type != old->type || now->collation != old->collation || now->generated != old->generated) {
    return true;
  }
  return now->type_key && ctx.recreating(node_id("type", *now->type_key));
}

void diff_columns(DiffContext& ctx, const model::Table& a, const model::Table& b) {
  std::map<std::string, const model::Column*> before, after;
  for (const auto& c : a.columns) before[c.name] = &c;
  for (const auto& c : b.columns) after[c.name] = &c;
  ObjectRef ref = table_ref(b);

  // Drops first, then adds in table order, then changes by name.
  // An inheritance parent drops with ONLY, so children keep the column as their own;
  // a child whose target lacks it drops it itself, after the parent. (Partitions can't
  // differ from their parent, so there PostgreSQL's recursion is right.)
  bool parent = ctx.inheritance_parents.count(a.key()) != 0;
  for (const auto& c : a.columns) {
    if (after.count(c.name)) continue;
    if (c.inherited && (a.inherits.empty() || a.partition_of)) continue;
    auto s = alter(b, "drop column " + col(c));
    if (parent) s.sql = "alter table only " + b.key() + " drop column " + col(c) + ";";
    s.destructive = true;
    ctx.emit(std::move(s));
  }
  for (const auto& c : b.columns) {
    if (c.inherited) continue;
    auto it = before.find(c.name);
    const model::Column* old = it == before.end() ? nullptr : it->second;
    // A function the default or generation expression calls that is dropped or
    // recreated can't go while in use: the expression goes first and comes back after.
    auto gone_functions = old ? functions_going_away(ctx, *old) : std::vector<std::string>{};
    // A generation expression can't be added or changed in place: drop and add again.
    bool readd = old && !old->inherited && c.generated &&
                 (old->generated != c.generated || (old->generated && !gone_functions.empty()));
    if (!old || readd) {
      if (readd) {
        auto d = alter(b, "drop column " + col(c));
        d.destructive = true;
        // Only the functions: requiring the table would tie it to the add below.
        if (!gone_functions.empty()) d.releases_nodes = gone_functions;
        ctx.emit(std::move(d));
      }
      auto s = alter(b, "add column " + column_definition(c));
      s.rewrites_table = c.generated.has_value() || !c.identity.empty();
      if (readd && !gone_functions.empty()) {
        s.requires_nodes = ctx.to_graph.requires_of(node_id("table", b.key()));
      }
      ctx.emit(std::move(s));
      std::string target = "column " + b.key() + "." + col(c);
      diff_comment(ctx, {"table", b.key(), "", target, "", 'r'}, nullptr, c.comment);
      ObjectRef cref = ref;
      diff_acl(ctx, cref, nullptr, c.acl, b.owner, c.name);
      continue;
    }
    if (old->inherited) continue;
    bool type_recreated = c.type_key && ctx.recreating(node_id("type", *c.type_key));
    bool type_changed = old->type != c.type || old->collation != c.collation || type_recreated;
    bool default_changed = old->default_ != c.default_;
    if (old->default_ && !gone_functions.empty()) default_changed = true;
    // A default that names the old type must go before the type changes.
    if (old->default_ && (default_changed || type_changed)) {
      auto s = alter(b, "alter column " + col(c) + " drop default");
      // Only the functions: requiring the table would tie it to the set default below.
      if (!gone_functions.empty()) s.releases_nodes = gone_functions;
      ctx.emit(std::move(s));
    }
    if (old->generated && !c.generated) {
      ctx.emit(alter(b, "alter column " + col(c) + " drop expression"));
    }
    if (!old->identity.empty() && c.identity.empty()) {
      ctx.emit(alter(b, "alter column " + col(c) + " drop identity"));
    }
    if (type_changed) {
      std::string via = type_recreated || c.type_key ? "::text::" : "::";
      auto s = alter(b, "alter column " + col(c) + " set data type " + type_with_collation(c) +
                            " using " + col(c) + via + c.type);
      s.rewrites_table = true;
      s.destructive = !type_recreated && !widening(old->type, c.type);
      ctx.emit(std::move(s));
    }
    if (c.default_ && (default_changed || type_changed)) {
      auto s = alter(b, "alter column " + col(c) + " set default " + *c.default_);
      if (!gone_functions.empty()) {
        for (const auto& k : c.depends_on) {
          if (auto n = ctx.to_graph.resolve(k); !n.empty()) s.requires_nodes.push_back(n);
        }
      }
      ctx.emit(std::move(s));
    }
    if (old->not_null != c.not_null && !(c.not_null && !c.identity.empty() && old->identity.empty())) {
      ctx.emit(alter(b, "alter column " + col(c) + (c.not_null ? " set not null" : " drop not null")));
    }
    if (old->identity.empty() && !c.identity.empty()) {
      if (!old->not_null) ctx.emit(alter(b, "alter column " + col(c) + " set not null"));
      std::string opts = c.identity_options ? identity_options_clause(*c.identity_options) : "";
      ctx.emit(alter(b, "alter column " + col(c) + " add generated " + c.identity +
                            " as identity" + opts));
    } else if (!old->identity.empty() && !c.identity.empty()) {
      if (old->identity != c.identity) {
        ctx.emit(alter(b, "alter column " + col(c) + " set generated " + c.identity));
      }
      if (old->identity_options && c.identity_options && old->identity_options != c.identity_options) {
        // The identity sequence's type follows the column; the rest is SET per option.
        auto o = *old->identity_options;
        o.data_type = c.identity_options->data_type;
        std::string sets;
        for (const auto& clause : sequence_option_list(&o, *c.identity_options)) {
          sets += " set " + clause;
        }
        if (!sets.empty()) ctx.emit(alter(b, "alter column " + col(c) + sets));
      }
    }
    std::string target = "column " + b.key() + "." + col(c);
    diff_comment(ctx, {"table", b.key(), "", target, "", 'r'}, &old->comment, c.comment);
    diff_acl(ctx, ref, &old->acl, c.acl, b.owner, c.name);
  }
}

}  // namespace migra::diff
