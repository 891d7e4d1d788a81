// Columns: add, drop, type, default, not null, identity, generated, comments, grants.
#include "diff/columns.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>

#include "diff/common.h"
#include "diff/sequence_options.h"
#include "diff/tables.h"
#include "diff/types.h"

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

// The number inside the first parentheses of a type name, e.g. 10 of
// "character varying(10)" or "numeric(10,2)"; -1 without one.
int type_param(const std::string& type, size_t index = 0) {
  auto open = type.find('(');
  if (open == std::string::npos) return -1;
  size_t at = open + 1;
  for (size_t i = 0; i < index; ++i) {
    at = type.find(',', at);
    if (at == std::string::npos) return -1;
    ++at;
  }
  return std::stoi(type.substr(at));
}

std::string base_type(const std::string& type) { return type.substr(0, type.find('(')); }

// Digits an integer type needs in a numeric.
int integer_digits(const std::string& type) {
  if (type == "smallint") return 5;
  if (type == "integer") return 10;
  if (type == "bigint") return 19;
  return -1;
}

}  // namespace

TypeChange classify_type_change(const std::string& from, const std::string& to) {
  if (from == to) return {true, false};  // only the collation changes
  const std::string fb = base_type(from), tb = base_type(to);
  // Binary-coercible: PostgreSQL keeps the stored values (varchar and numeric length
  // coercions that can't fail are simplified away).
  bool varlen = fb == "character varying" || fb == "text";
  if (varlen && (to == "text" || to == "character varying")) return {true, false};
  if (fb == "character varying" && tb == "character varying" && type_param(from) >= 0 &&
      type_param(to) >= type_param(from)) {
    return {true, false};
  }
  if (fb == "bit varying" && (to == "bit varying" ||
                              (tb == "bit varying" && type_param(to) >= type_param(from)))) {
    return {true, false};
  }
  if (fb == "numeric" && tb == "numeric" && type_param(from) >= 0) {
    if (to == "numeric") return {true, false};
    int p = type_param(from), sc = type_param(from, 1), p2 = type_param(to), sc2 = type_param(to, 1);
    if (sc2 == sc && p2 >= p) return {true, false};
    if (sc2 > sc && p2 - sc2 >= p - sc) return {true, true};
    return {false, true};
  }
  // Lossless, but every row is converted.
  static const std::multimap<std::string, std::string> widening = {
      {"smallint", "integer"}, {"smallint", "bigint"}, {"integer", "bigint"},
      {"smallint", "real"}, {"smallint", "double precision"}, {"integer", "double precision"},
      {"real", "double precision"}, {"character", "text"}, {"character", "character varying"},
      {"timestamp without time zone", "timestamp with time zone"},
  };
  auto [lo, hi] = widening.equal_range(fb);
  for (auto it = lo; it != hi; ++it) {
    if (it->second == to) return {true, true};
  }
  if (fb == "character" && tb == "character" && type_param(to) >= type_param(from)) {
    return {true, true};
  }
  if (fb == "character" && tb == "character varying" && type_param(to) >= type_param(from)) {
    return {true, true};
  }
  if (integer_digits(from) > 0 && tb == "numeric" &&
      (to == "numeric" || type_param(to) - std::max(type_param(to, 1), 0) >= integer_digits(from))) {
    return {true, true};
  }
  return {false, true};
}

namespace {

// A table's columns by name. Lookups usually walk another version of the same table in
// the same order, so the column after the last one found is tried first; otherwise a
// short table is searched, a long one sorted once. Names are unique within a table.
class ColumnsByName {
 public:
  explicit ColumnsByName(const model::Table& t) : columns_(t.columns) {}
  [[nodiscard]] const model::Column* find(std::string_view name) const {
    if (next_ < columns_.size() && columns_[next_].name == name) return found(next_);
    if (columns_.size() <= kShort) {
      for (size_t i = 0; i < columns_.size(); ++i) {
        if (columns_[i].name == name) return found(i);
      }
      return nullptr;
    }
    if (sorted_.empty()) {
      sorted_.reserve(columns_.size());
      for (size_t i = 0; i < columns_.size(); ++i) sorted_.push_back(static_cast<std::uint32_t>(i));
      std::sort(sorted_.begin(), sorted_.end(), [&](std::uint32_t x, std::uint32_t y) {
        return columns_[x].name < columns_[y].name;
      });
    }
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), name,
                               [&](std::uint32_t i, std::string_view n) { return columns_[i].name < n; });
    return it != sorted_.end() && columns_[*it].name == name ? found(*it) : nullptr;
  }
  [[nodiscard]] bool contains(std::string_view name) const { return find(name) != nullptr; }

 private:
  static constexpr size_t kShort = 16;
  const model::Column* found(size_t i) const {
    next_ = i + 1;
    return &columns_[i];
  }
  const std::vector<model::Column>& columns_;
  mutable size_t next_ = 0;
  mutable std::vector<std::uint32_t> sorted_;
};

ObjectRef table_ref(const model::Table& t) {
  return {"table", t.key(), "table " + t.key(), "table " + t.key(), "alter table " + t.key(), 'r'};
}

std::vector<std::string> functions_going_away(const DiffContext& ctx, const model::Column& c) {
  std::vector<std::string> out;
  if (!c.default_ && !c.generated) return out;
  for (const auto& k : c.depends_on) {
    const auto& n = ctx.from_graph.resolve(k);
    if (n.starts_with("function:") && (ctx.recreating(n) || !ctx.to_graph.contains(n))) {
      out.emplace_back(n);
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

// The column's type (or, for a multirange, its range) is dropped and created again.
bool uses_recreated_type(const DiffContext& ctx, const model::Column& c) {
  return c.type_key && ctx.recreating(ctx.to_graph.resolve(*c.type_key));
}

bool uses_recreated_collation(const DiffContext& ctx, const model::Column& c) {
  return c.collation && ctx.recreating(node_id("collation", *c.collation));
}

bool default_uses_recreated_type(const DiffContext& ctx, const model::Column& c) {
  if (!c.default_) return false;
  return std::any_of(c.depends_on.begin(), c.depends_on.end(), [&](const std::string& key) {
    const auto& node = ctx.to_graph.resolve(key);
    return node.starts_with("type:") && ctx.recreating(node);
  });
}

bool retyped(const DiffContext& ctx, const model::Column& old, const model::Column& c) {
  return old.type != c.type || old.collation != c.collation || uses_recreated_type(ctx, c) ||
         uses_recreated_collation(ctx, c);
}


// Key of the identity sequence of a column, or "".
std::string identity_sequence(const model::Model& m, const std::string& table,
                              const std::string& column) {
  for (const auto& s : m.sequences) {
    if (s.identity && s.owned_by_table == table && s.owned_by_column == column) return s.key();
  }
  return "";
}

// Adding a column whose default is volatile fills every row one by one (a table rewrite);
// a stable or immutable default is stored once. These are the volatile functions defaults
// commonly call.
bool volatile_default(const std::string& expression) {
  static const char* const calls[] = {"nextval(", "random(", "gen_random_uuid(",
                                      "uuid_generate_v", "clock_timestamp(", "timeofday("};
  return std::any_of(std::begin(calls), std::end(calls), [&](const char* call) {
    return expression.find(call) != std::string::npos;
  });
}

bool type_changes(const DiffContext& ctx, const model::Column& old, const model::Column& c) {
  return retyped(ctx, old, c);
}

bool identifier_char(char ch) {
  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '$' ||
         static_cast<unsigned char>(ch) >= 0x80;
}

// Whether an expression (pg_get_expr text) may read the column: its name as a whole word,
// or quoted. A false positive only costs re-adding a computed column.
bool mentions(const std::string& expression, const std::string& column) {
  if (expression.find(model::quote_ident(column)) != std::string::npos) return true;
  for (auto at = expression.find(column); at != std::string::npos;
       at = expression.find(column, at + 1)) {
    bool starts = at == 0 || !identifier_char(expression[at - 1]);
    size_t end = at + column.size();
    bool ends = end >= expression.size() || !identifier_char(expression[end]);
    if (starts && ends) return true;
  }
  return false;
}

// Generated columns that are dropped and added again: a generation expression can't be
// added or changed in place (before PostgreSQL 17), and the type of a column that one
// reads can't change under it.
std::set<std::string> readded_set(const DiffContext& ctx, const model::Table& a,
                                  const model::Table& b) {
  // Only computed columns are re-added, and most tables have none.
  if (std::none_of(b.columns.begin(), b.columns.end(),
                   [](const model::Column& c) { return !c.inherited && c.generated; })) {
    return {};
  }
  ColumnsByName before(a);
  std::vector<std::string> retyped;
  for (const auto& c : b.columns) {
    const auto* old = before.find(c.name);
    if (old && type_changes(ctx, *old, c)) retyped.push_back(c.name);
  }
  std::set<std::string> out;
  for (const auto& c : b.columns) {
    const auto* old = before.find(c.name);
    if (c.inherited || !c.generated || !old || old->inherited) continue;
    bool reads_retyped = std::any_of(retyped.begin(), retyped.end(), [&](const std::string& r) {
      return r != c.name && mentions(*c.generated, r);
    });
    // A function it calls that is dropped or recreated can't go while it is in use.
    bool calls_gone_function = !functions_going_away(ctx, *old).empty();
    if (old->generated != c.generated || reads_retyped || calls_gone_function) {
      out.insert(c.name);
    }
  }
  return out;
}

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

std::set<std::string> readded_columns(const DiffContext& ctx, const std::string& key) {
  const auto& computed = ctx.computed_column_tables();
  if (computed.empty() || !computed.count(key)) return {};
  const auto* a = ctx.table(ctx.from, key);
  const auto* b = ctx.table(ctx.to, key);
  if (!a || !b || ctx.recreating(node_id("table", key))) return {};
  return readded_set(ctx, *a, *b);
}

namespace {

bool invalidates_readers(const DiffContext& ctx, const model::Column& old, const model::Column* now) {
  if (!now) return true;
  if (now->type != old.type || now->collation != old.collation || now->generated != old.generated) {
    return true;
  }
  return uses_recreated_type(ctx, *now) || uses_recreated_collation(ctx, *now);
}

}  // namespace

bool columns_invalidate_readers(const DiffContext& ctx, const model::Table& a,
                                const model::Table& b) {
  ColumnsByName after(b);
  return std::any_of(a.columns.begin(), a.columns.end(), [&](const model::Column& c) {
    return invalidates_readers(ctx, c, after.find(c.name));
  });
}

bool columns_invalidate_readers(const DiffContext& ctx, const std::string& table_key,
                                const std::vector<std::string>& columns) {
  const auto* a = ctx.table(ctx.from, table_key);
  const auto* b = ctx.table(ctx.to, table_key);
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
  return invalidates_readers(ctx, *old, now == b.columns.end() ? nullptr : &*now);
}

namespace {

std::vector<std::string> parents_of(const model::Table& t) {
  std::vector<std::string> out = t.inherits;
  if (t.partition_of) out.push_back(*t.partition_of);
  return out;
}

const model::Column* column_of(const DiffContext& ctx, const model::Model& m,
                               const std::string& table, const std::string& name) {
  const auto* t = ctx.table(m, table);
  if (!t) return nullptr;
  auto it = std::find_if(t->columns.begin(), t->columns.end(),
                         [&](const model::Column& c) { return c.name == name; });
  return it == t->columns.end() ? nullptr : &*it;
}

// Default and NOT NULL of a column a child inherits. A parent's SET/DROP DEFAULT and
// SET/DROP NOT NULL reach its children, so a child that follows its parent says nothing.
void diff_inherited_column(DiffContext& ctx, const model::Table& a, const model::Table& b,
                           const model::Column& old, const model::Column& c) {
  if (old.generated || c.generated || !old.identity.empty() || !c.identity.empty()) return;
  bool default_follows = false, not_null_follows = false;
  auto before = parents_of(a);
  for (const auto& p : parents_of(b)) {
    if (std::find(before.begin(), before.end(), p) == before.end()) continue;
    if (ctx.recreating(node_id("table", p))) continue;
    const auto* pa = column_of(ctx, ctx.from, p, c.name);
    const auto* pb = column_of(ctx, ctx.to, p, c.name);
    if (!pa || !pb) continue;
    default_follows |= pa->default_ == old.default_ && pb->default_ == c.default_;
    not_null_follows |= pa->not_null == old.not_null && pb->not_null == c.not_null;
  }
  if (old.default_ != c.default_ && !default_follows) {
    ctx.emit(alter(b, "alter column " + col(c) +
                          (c.default_ ? " set default " + *c.default_ : std::string(" drop default"))));
  }
  if (old.not_null != c.not_null && !not_null_follows) {
    ctx.emit(alter(b, "alter column " + col(c) + (c.not_null ? " set not null" : " drop not null")));
  }
}

}  // namespace

bool uses_recreated_types(const DiffContext& ctx, const model::Table& t) {
  return std::any_of(t.columns.begin(), t.columns.end(), [&](const model::Column& c) {
    return uses_recreated_type(ctx, c) || uses_recreated_collation(ctx, c);
  });
}

void diff_columns(DiffContext& ctx, const model::Table& a, const model::Table& b) {
  ColumnsByName before(a), after(b);
  // Grants are compared only with --with-privileges; most tables need no reference.
  std::optional<ObjectRef> table;
  auto ref = [&]() -> const ObjectRef& {
    if (!table) table = table_ref(b);
    return *table;
  };
  auto acl = [&](const model::Acl* from, const model::Column& c) {
    if (ctx.options.with_privileges) diff_acl(ctx, ref(), from, c.acl, b.owner, c.name);
  };

  // Computed columns that stop reading their columns go first (those made again, and
  // those that become plain): a column can't be dropped, nor its type changed, while a
  // computed column reads it. Then drops (computed columns first, for the same reason),
  // then adds in table order, then changes by name, then computed columns.
  // An inheritance parent drops with ONLY, so children keep the column as their own;
  // a child whose target lacks it drops it itself, after the parent. (Partitions can't
  // differ from their parent, so there PostgreSQL's recursion is right.)
  auto readd = readded_set(ctx, a, b);
  for (const auto& c : a.columns) {
    if (readd.count(c.name)) {
      // Only a computed column's values go, and the new expression computes them again.
      auto d = alter(b, "drop column " + col(c));
      d.destructive = !c.generated;
      // Only the functions: requiring the table would tie it to the add below.
      auto gone = functions_going_away(ctx, c);
      if (!gone.empty()) d.releases_nodes = gone;
      ctx.emit(std::move(d));
    } else if (const auto* now = after.find(c.name); now && !c.inherited && !now->inherited &&
                                                     c.generated && !now->generated) {
      ctx.emit(alter(b, "alter column " + col(c) + " drop expression"));
    }
  }
  bool parent = ctx.inheritance_parents.count(a.key()) != 0;
  for (bool generated : {true, false}) {
    for (const auto& c : a.columns) {
      if (after.contains(c.name) || c.generated.has_value() != generated) continue;
      if (c.inherited && (a.inherits.empty() || a.partition_of)) continue;
      auto s = alter(b, "drop column " + col(c));
      if (parent) s.sql = "alter table only " + b.key() + " drop column " + col(c) + ";";
      s.destructive = true;
      ctx.emit(std::move(s));
    }
  }
  auto add = [&](const model::Column& c) {
    auto s = alter(b, "add column " + column_definition(c));
    s.rewrites_table = c.generated.has_value() || !c.identity.empty() ||
                       (c.default_ && volatile_default(*c.default_));
    // Re-added after a function it calls is recreated: it needs the new function only (it
    // must not also wait to release the old one, which goes before the new one exists).
    if (const auto* old = before.find(c.name); old && !functions_going_away(ctx, *old).empty()) {
      s.requires_nodes = ctx.to_graph.requires_of(node_id("table", b.key())).names();
    }
    ctx.emit(std::move(s));
    if (c.comment) {
      std::string target = "column " + b.key() + "." + col(c);
      diff_comment(ctx, {"table", b.key(), "", target, "", 'r'}, nullptr, c.comment);
    }
    acl(nullptr, c);
  };
  for (const auto& c : b.columns) {
    const model::Column* old = before.find(c.name);
    if (c.inherited) {
      // The parent decides the type; a child may have its own default and NOT NULL.
      if (old && old->inherited) diff_inherited_column(ctx, a, b, *old, c);
      continue;
    }
    if (readd.count(c.name) || (!old && c.generated)) continue;  // added last
    if (!old) {
      add(c);
      continue;
    }
    if (old->inherited) continue;
    // A function the default calls that is dropped or recreated can't go while in use:
    // the default goes first and comes back after.
    auto gone_functions = functions_going_away(ctx, *old);
    bool type_recreated = uses_recreated_type(ctx, c);
    bool type_changed = type_changes(ctx, *old, c);
    // A default naming a recreated type (a cast to an enum in a text column, say) still
    // points at the old version: set again, it binds to the new one.
    bool default_changed = old->default_ != c.default_ || default_uses_recreated_type(ctx, c) ||
                           (old->default_ && !gone_functions.empty());
    // A default that names the old type must go before the type changes; otherwise SET
    // DEFAULT replaces it.
    if (old->default_ && ((default_changed && !c.default_) || type_changed || !gone_functions.empty())) {
      auto s = alter(b, "alter column " + col(c) + " drop default");
      // Only the functions: requiring the table would tie it to the set default below.
      if (!gone_functions.empty()) s.releases_nodes = gone_functions;
      ctx.emit(std::move(s));
    }
    if (!old->identity.empty() && c.identity.empty()) {
      // It drops the identity sequence, whose name a serial sequence may take next.
      auto s = alter(b, "alter column " + col(c) + " drop identity");
      auto seq = identity_sequence(ctx.from, a.key(), c.name);
      if (!seq.empty()) {
        s.node = node_id("sequence", seq);
        s.action = plan::Action::drop;
        s.releases_nodes = {node_id("table", a.key())};
      }
      ctx.emit(std::move(s));
    }
    if (type_changed) {
      std::string clause = "alter column " + col(c) + " set data type " + type_with_collation(c);
      // A generated column is computed again; USING is not allowed there.
      if (!c.generated) {
        std::string conversion =
            type_recreated ? recreated_type_conversion(ctx, *c.type_key, col(c), c.type) : "";
        if (conversion.empty()) {
          conversion = col(c) + (type_recreated || c.type_key ? "::text::" : "::") + c.type;
        }
        clause += " using " + conversion;
      }
      auto s = alter(b, clause);
      auto change = classify_type_change(old->type, c.type);
      s.rewrites_table = type_recreated || change.rewrites_table;
      s.destructive = !type_recreated && !c.generated && !change.lossless;
      ctx.emit(std::move(s));
    }
    if (c.default_ && (default_changed || type_changed)) {
      auto s = alter(b, "alter column " + col(c) + " set default " + *c.default_);
      if (!gone_functions.empty()) {
        for (const auto& k : c.depends_on) {
          if (auto n = ctx.to_graph.resolve(k); !n.empty()) s.requires_nodes.emplace_back(n);
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
      // It creates the identity sequence, after a serial sequence of that name is gone.
      auto s = alter(b, "alter column " + col(c) + " add generated " + c.identity +
                            " as identity" + opts);
      auto seq = identity_sequence(ctx.to, b.key(), c.name);
      if (!seq.empty()) {
        s.node = node_id("sequence", seq);
        s.action = plan::Action::create;
        s.requires_nodes = {node_id("table", b.key())};
      }
      ctx.emit(std::move(s));
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
        bool restart = sequence_needs_restart(o, *c.identity_options);
        if (restart) sets += " restart";
        if (!sets.empty()) {
          auto s = alter(b, "alter column " + col(c) + sets);
          s.destructive = restart;
          ctx.emit(std::move(s));
        }
      }
    }
    if (comment_changes(&old->comment, c.comment)) {
      std::string target = "column " + b.key() + "." + col(c);
      diff_comment(ctx, {"table", b.key(), "", target, "", 'r'}, &old->comment, c.comment);
    }
    acl(&old->acl, c);
  }
  for (const auto& c : b.columns) {
    if (!c.inherited && c.generated && (readd.count(c.name) || !before.contains(c.name))) add(c);
  }
}

}  // namespace migra::diff
