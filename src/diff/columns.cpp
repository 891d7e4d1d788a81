// Columns: add, drop, type, default, not null, identity, generated, comments, grants.
#include "diff/columns.h"

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
  std::map<std::string, const model::Column*> after;
  for (const auto& c : b.columns) after[c.name] = &c;
  for (const auto& c : a.columns) {
    auto it = after.find(c.name);
    if (it == after.end()) return true;
    const auto& n = *it->second;
    if (n.type != c.type || n.collation != c.collation || n.generated != c.generated) return true;
    if (n.type_key && ctx.recreating(node_id("type", *n.type_key))) return true;
  }
  return false;
}

void diff_columns(DiffContext& ctx, const model::Table& a, const model::Table& b) {
  std::map<std::string, const model::Column*> before, after;
  for (const auto& c : a.columns) before[c.name] = &c;
  for (const auto& c : b.columns) after[c.name] = &c;
  ObjectRef ref = table_ref(b);

  // Generated columns that stop reading their sources go first: a column can't be dropped,
  // nor its type changed, while a generated column reads it. Then drops (generated columns
  // first, for the same reason), then adds in table order, then changes by name.
  for (const auto& c : b.columns) {
    auto it = before.find(c.name);
    const model::Column* old = it == before.end() ? nullptr : it->second;
    if (c.inherited || !old || old->inherited || old->generated == c.generated) continue;
    if (!c.generated) {
      ctx.emit(alter(b, "alter column " + col(c) + " drop expression"));
    } else {
      // A generation expression can't be added or changed in place: dropped here, added
      // below.
      auto d = alter(b, "drop column " + col(c));
      d.destructive = true;
      ctx.emit(std::move(d));
    }
  }
  // An inheritance parent drops with ONLY, so children keep the column as their own;
  // a child whose target lacks it drops it itself, after the parent. (Partitions can't
  // differ from their parent, so there PostgreSQL's recursion is right.)
  bool parent = ctx.inheritance_parents.count(a.key()) != 0;
  for (bool generated : {true, false}) {
    for (const auto& c : a.columns) {
      if (after.count(c.name) || c.generated.has_value() != generated) continue;
      if (c.inherited && (a.inherits.empty() || a.partition_of)) continue;
      auto s = alter(b, "drop column " + col(c));
      if (parent) s.sql = "alter table only " + b.key() + " drop column " + col(c) + ";";
      s.destructive = true;
      ctx.emit(std::move(s));
    }
  }
  for (const auto& c : b.columns) {
    if (c.inherited) continue;
    auto it = before.find(c.name);
    const model::Column* old = it == before.end() ? nullptr : it->second;
    bool readd = old && !old->inherited && c.generated && old->generated != c.generated;
    if (!old || readd) {
      auto s = alter(b, "add column " + column_definition(c));
      s.rewrites_table = c.generated.has_value() || !c.identity.empty();
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
    // A default that names the old type must go before the type changes.
    if (old->default_ && (default_changed || type_changed)) {
      ctx.emit(alter(b, "alter column " + col(c) + " drop default"));
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
      ctx.emit(alter(b, "alter column " + col(c) + " set default " + *c.default_));
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
