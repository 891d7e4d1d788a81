// Tables: create, drop, recreate (partitioned <-> plain), partitions, inheritance,
// persistence, row level security, replica identity, storage options; columns are in
// columns.cpp.
#include <algorithm>
#include <optional>
#include <set>

#include "diff/tables.h"

#include "diff/columns.h"
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

template <typename T>
const T* find_by_key(const std::vector<T>& list, std::string_view key) {
  auto it = std::lower_bound(list.begin(), list.end(), key,
                             [](const T& x, std::string_view k) { return x.key() < k; });
  return it != list.end() && it->key() == key ? &*it : nullptr;
}

bool contains(const std::vector<std::string>& list, const std::string& x) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

// Whether a parent table has a constraint or column of that name in the model.
bool parent_has(const DiffContext& ctx, const model::Model& m, const std::string& parent,
                const std::string& name, bool constraint) {
  if (constraint) return find_by_key(m.constraints, parent + "." + model::quote_ident(name));
  const auto* t = ctx.table(m, parent);
  return t && std::any_of(t->columns.begin(), t->columns.end(),
                          [&](const model::Column& c) { return c.name == name; });
}

ObjectRef ref_of(const model::Table& t) {
  return {"table", t.key(), "table " + t.key(), "table " + t.key(), "alter table " + t.key(), 'r'};
}

plan::Statement table_alter(const model::Table& t, std::string clause, plan::Phase phase =
                                                                         plan::Phase::alter_table) {
  auto s = make_statement(ref_of(t), plan::Action::alter, phase,
                          "alter table " + t.key() + " " + std::move(clause) + ";");
  s.lock = plan::Lock::access_exclusive;
  return s;
}

std::string create_table_sql(const model::Table& t) {
  std::string sql = std::string("create ") + (t.unlogged ? "unlogged " : "") + "table " + t.key();
  if (t.partition_of) {
    sql += " partition of " + *t.partition_of + " " + t.partition_bound.value_or("DEFAULT");
  } else {
    sql += " (\n";
    bool first = true;
    for (const auto& c : t.columns) {
      if (c.inherited) continue;
      sql += std::string(first ? "" : ",\n") + "    " + column_definition(c);
      first = false;
    }
    sql += std::string(first ? "" : "\n") + ")";
    if (!t.inherits.empty()) {
      sql += " inherits (";
      for (size_t i = 0; i < t.inherits.size(); ++i) sql += (i ? ", " : "") + t.inherits[i];
      sql += ")";
    }
  }
  if (t.partition_key) sql += " partition by " + *t.partition_key;
  if (!t.reloptions.empty()) {
    sql += " with (";
    for (size_t i = 0; i < t.reloptions.size(); ++i) sql += (i ? ", " : "") + t.reloptions[i];
    sql += ")";
  }
  return sql + ";";
}

std::string option_name(const std::string& opt) { return opt.substr(0, opt.find('=')); }

void diff_reloptions(DiffContext& ctx, const model::Table& a, const model::Table& b) {
  std::vector<std::string> set, reset;
  for (const auto& o : b.reloptions) {
    if (std::find(a.reloptions.begin(), a.reloptions.end(), o) == a.reloptions.end()) set.push_back(o);
  }
  for (const auto& o : a.reloptions) {
    bool kept = std::any_of(b.reloptions.begin(), b.reloptions.end(),
                            [&](const std::string& n) { return option_name(n) == option_name(o); });
    if (!kept) reset.push_back(option_name(o));
  }
  auto join = [](const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s;
  };
  // Most storage parameters (fillfactor, autovacuum_*, toast.*, parallel_workers, ...)
  // take SHARE UPDATE EXCLUSIVE; user_catalog_table is the exception.
  auto lock = [](const std::vector<std::string>& names) {
    bool strong = std::any_of(names.begin(), names.end(), [](const std::string& o) {
      return option_name(o) == "user_catalog_table";
    });
    return strong ? plan::Lock::access_exclusive : plan::Lock::share_update_exclusive;
  };
  if (!set.empty()) {
    auto s = table_alter(b, "set (" + join(set) + ")");
    s.lock = lock(set);
    ctx.emit(std::move(s));
  }
  if (!reset.empty()) {
    auto s = table_alter(b, "reset (" + join(reset) + ")");
    s.lock = lock(reset);
    ctx.emit(std::move(s));
  }
}

// The index turns from a constraint's into a plain one, or back: dropped and made again.
bool index_changes_owner(const DiffContext& ctx, const std::string& key) {
  const auto* a = find_by_key(ctx.from.indexes, key);
  const auto* b = find_by_key(ctx.to.indexes, key);
  return a && b && a->constraint.has_value() != b->constraint.has_value();
}

void emit_table_settings(DiffContext& ctx, const model::Table* a, const model::Table& b) {
  bool rls = a ? a->rls_enabled : false, forced = a ? a->rls_forced : false;
  if (rls != b.rls_enabled) {
    ctx.emit(table_alter(b, b.rls_enabled ? "enable row level security" : "disable row level security"));
  }
  if (forced != b.rls_forced) {
    ctx.emit(table_alter(b, b.rls_forced ? "force row level security" : "no force row level security"));
  }
  std::string identity = a ? a->replica_identity : "default";
  auto index = a ? a->replica_identity_index : std::nullopt;
  // An index that is made again has lost its role as the replica identity.
  bool index_remade =
      b.replica_identity == "index" && b.replica_identity_index &&
      (ctx.recreating(node_id("index", model::qualified(b.schema, *b.replica_identity_index))) ||
       ctx.recreating(node_id("constraint", b.key() + "." +
                                                model::quote_ident(*b.replica_identity_index))) ||
       index_changes_owner(ctx, model::qualified(b.schema, *b.replica_identity_index)));
  if (identity != b.replica_identity || index != b.replica_identity_index || index_remade) {
    std::string clause = b.replica_identity == "index"
                             ? "using index " + model::quote_ident(b.replica_identity_index.value_or(""))
                             : b.replica_identity;
    auto s = table_alter(b, "replica identity " + clause, plan::Phase::add_constraint);
    if (b.replica_identity == "index") {
      s.requires_nodes = {node_id("table", b.key()),
                          node_id("index", model::qualified(b.schema, *b.replica_identity_index)),
                          node_id("constraint", b.key() + "." +
                                                    model::quote_ident(*b.replica_identity_index))};
    }
    ctx.emit(std::move(s));
  }
}

void emit_create(DiffContext& ctx, const model::Table& t) {
  auto ref = ref_of(t);
  auto s = make_statement(ref, plan::Action::create, plan::Phase::create_table, create_table_sql(t));
  ctx.emit(std::move(s));
  if (t.partition_of || !t.inherits.empty()) {
    // Inherited columns start with their parent's default and NOT NULL; the child's own
    // come after.
    model::Table copied = t;
    std::vector<std::string> parents = t.inherits;
    if (t.partition_of) parents.insert(parents.begin(), *t.partition_of);
    for (auto& c : copied.columns) {
      if (!c.inherited) continue;
      for (const auto& p : parents) {
        const auto* parent = ctx.table(ctx.to, p);
        if (!parent) continue;
        auto it = std::find_if(parent->columns.begin(), parent->columns.end(),
                               [&](const model::Column& pc) { return pc.name == c.name; });
        if (it == parent->columns.end()) continue;
        c.default_ = it->default_;
        c.not_null = it->not_null;
        break;
      }
    }
    diff_columns(ctx, copied, t);
  }
  emit_table_settings(ctx, nullptr, t);
  diff_comment(ctx, ref, nullptr, t.comment);
  diff_owner(ctx, ref, nullptr, t.owner);
  diff_acl(ctx, ref, nullptr, t.acl, t.owner);
  for (const auto& c : t.columns) {
    if (c.inherited && !c.comment) continue;
    if (c.comment) {
      std::string target = "column " + t.key() + "." + model::quote_ident(c.name);
      diff_comment(ctx, {"table", t.key(), "", target, "", 'r'}, nullptr, c.comment);
    }
    diff_acl(ctx, ref, nullptr, c.acl, t.owner, c.name);
  }
}

// Detach / NO INHERIT, before anything else touches the table or its old parents, and
// before the constraints and indexes it keeps as its own are dropped.
void emit_leave_parents(DiffContext& ctx, const model::Table& a, const ParentMove& move) {
  if (move.lost.empty()) return;
  std::vector<std::string> own;
  for (const auto& n : ctx.from_graph.dependents_of(node_id("table", a.key()))) {
    if (n.starts_with("constraint:") || n.starts_with("index:")) own.emplace_back(n);
  }
  own.push_back(node_id("table", a.key()));
  for (const auto& p : move.lost) {
    std::string sql = move.partition && a.partition_of == p
                          ? "alter table " + p + " detach partition " + a.key() + ";"
                          : "alter table " + a.key() + " no inherit " + p + ";";
    auto s = make_statement(ref_of(a), plan::Action::alter, plan::Phase::alter_table, sql);
    s.node = node_id("detach", a.key());
    s.lock = plan::Lock::access_exclusive;
    s.precedes_nodes = own;
    s.precedes_nodes.push_back(node_id("table", p));
    s.precedes_nodes.push_back(attach_node(p));
    ctx.emit(std::move(s));
  }
}

// ATTACH PARTITION / INHERIT, once the table and the parent are ready: columns match and
// the parent's check constraints exist on the table.
void emit_join_parents(DiffContext& ctx, const model::Table& b, const ParentMove& move) {
  if (move.gained.empty()) return;
  std::vector<std::string> ready{node_id("table", b.key())};
  for (const auto& n : ctx.to_graph.dependents_of(node_id("table", b.key()))) {
    if (n.starts_with("constraint:")) ready.emplace_back(n);
  }
  for (const auto& p : move.gained) {
    std::string sql = move.partition && b.partition_of == p
                          ? "alter table " + p + " attach partition " + b.key() + " " +
                                b.partition_bound.value_or("DEFAULT") + ";"
                          : "alter table " + b.key() + " inherit " + p + ";";
    auto s = make_statement(ref_of(b), plan::Action::alter, plan::Phase::alter_table, sql);
    s.node = attach_node(p);
    s.lock = plan::Lock::access_exclusive;
    s.requires_nodes = ready;
    s.requires_nodes.push_back(node_id("table", p));
    ctx.emit(std::move(s));
  }
}

void emit_drop(DiffContext& ctx, const model::Table& t) {
  auto s = make_statement(ref_of(t), plan::Action::drop, plan::Phase::drop_table,
                          "drop table " + t.key() + ";");
  s.destructive = true;
  s.lock = plan::Lock::access_exclusive;
  ctx.emit(std::move(s));
}

bool is_foreign_key(const model::Model& m, std::string_view node) {
  constexpr std::string_view prefix = "constraint:";
  if (!node.starts_with(prefix)) return false;
  const auto* c = find_by_key(m.constraints, node.substr(prefix.size()));
  return c && c->type == "foreign key";
}

bool cannot_alter(const model::Table& a, const model::Table& b) {
  return a.partitioned != b.partitioned || a.partition_key != b.partition_key;
}

}  // namespace

ParentMove parent_move(const DiffContext& ctx, const std::string& key) {
  ParentMove m;
  const auto* a = ctx.table(ctx.from, key);
  const auto* b = ctx.table(ctx.to, key);
  if (!a || !b || ctx.recreating(node_id("table", key))) return m;
  bool moved = a->partition_of != b->partition_of || a->partition_bound != b->partition_bound ||
               (a->partition_of && ctx.recreating(node_id("table", *a->partition_of)));
  if (moved) {
    m.partition = true;
    if (a->partition_of) m.lost.push_back(*a->partition_of);
    if (b->partition_of) m.gained.push_back(*b->partition_of);
  }
  for (const auto& p : a->inherits) {
    if (!contains(b->inherits, p)) m.lost.push_back(p);
  }
  for (const auto& p : b->inherits) {
    if (!contains(a->inherits, p)) m.gained.push_back(p);
  }
  return m;
}

std::string attach_node(const std::string& parent) { return node_id("attach", parent); }

bool becomes_local(const DiffContext& ctx, const std::string& key, const std::string& name,
                   bool constraint) {
  auto m = parent_move(ctx, key);
  if (m.lost.empty()) return false;
  const auto* a = ctx.table(ctx.from, key);
  // A partition has one parent: whatever it inherits came from there.
  if (a->partition_of && contains(m.lost, *a->partition_of)) return true;
  bool lost = false, kept = false;
  for (const auto& p : a->inherits) {
    bool has = parent_has(ctx, ctx.from, p, name, constraint);
    (contains(m.lost, p) ? lost : kept) |= has;
  }
  return lost && !kept;
}

bool needed_before_joining(const DiffContext& ctx, const std::string& key,
                           const std::string& name, bool constraint) {
  auto m = parent_move(ctx, key);
  return std::any_of(m.gained.begin(), m.gained.end(), [&](const std::string& p) {
    return parent_has(ctx, ctx.to, p, name, constraint);
  });
}

void find_table_recreations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.tables, ctx.to.tables, [&](const model::Table* a, const model::Table* b) {
    if (a && b && cannot_alter(*a, *b)) ctx.mark_recreate(node_id("table", b->key()));
  });
}

namespace {

// Whether the policy or trigger behind a node reads a column whose type changes.
bool reads_changed_column(const DiffContext& ctx, std::string_view node) {
  std::string_view key = node.substr(node.find(':') + 1);
  if (node.starts_with("policy:")) {
    const auto* p = find_by_key(ctx.from.policies, key);
    return p && columns_invalidate_readers(ctx, p->table_key(), p->columns);
  }
  const auto* t = find_by_key(ctx.from.triggers, key);
  return t && columns_invalidate_readers(ctx, t->table_key(), t->columns);
}

}  // namespace

void find_table_invalidations(DiffContext& ctx) {
  ctx.each_pair(ctx.from.tables, ctx.to.tables, [&](const model::Table* a, const model::Table* b) {
    if (!a || !b || !columns_invalidate_readers(ctx, *a, *b)) return;
    // A foreign key can't hold between a column already converted to the new version of a
    // type and one still of the old: it goes while both sides are converted.
    bool recreated_types = uses_recreated_types(ctx, *b);
    for (const auto& dependent : ctx.from_graph.dependents_of(node_id("table", a->key()))) {
      if (!ctx.to_graph.contains(dependent)) continue;
      // PostgreSQL won't retype a column that a policy or trigger definition reads either;
      // those record their columns, so only the ones reading a changed column are rebuilt.
      if (dependent.starts_with("view:") || dependent.starts_with("function:")) {
        ctx.mark_recreate(dependent);
      } else if (dependent.starts_with("policy:") || dependent.starts_with("trigger:")) {
        if (reads_changed_column(ctx, dependent)) ctx.mark_recreate(dependent);
      } else if (recreated_types && is_foreign_key(ctx.from, dependent)) {
        ctx.mark_recreate(dependent);
      }
    }
  });
}

void diff_tables(DiffContext& ctx) {
  ctx.each_pair(ctx.from.tables, ctx.to.tables,
                [&](const model::Table* a, const model::Table* b, std::string_view node) {
    if (!b) {
      emit_drop(ctx, *a);
      return;
    }
    if (!a) {
      emit_create(ctx, *b);
      return;
    }
    if (ctx.recreating(node)) {
      emit_drop(ctx, *a);
      emit_create(ctx, *b);
      return;
    }
    if (a->unlogged != b->unlogged) {
      auto s = table_alter(*b, b->unlogged ? "set unlogged" : "set logged");
      s.rewrites_table = true;
      ctx.emit(std::move(s));
    }
    // Most tables have no parents on either side.
    bool parents = a->partition_of || b->partition_of || a->partition_bound != b->partition_bound ||
                   !a->inherits.empty() || !b->inherits.empty();
    auto move = parents ? parent_move(ctx, b->key()) : ParentMove{};
    emit_leave_parents(ctx, *a, move);
    // Columns are compared as they are between leaving and joining: what the table
    // inherited only from parents it leaves is its own by then, and what a new parent
    // has must be there before it joins.
    // Copied only when a column's role changes.
    std::optional<model::Table> before_copy, after_copy;
    auto own_columns = [](const model::Table& t, std::optional<model::Table>& copy, auto turns_own) {
      for (size_t i = 0; i < t.columns.size(); ++i) {
        if (!t.columns[i].inherited || !turns_own(t.columns[i].name)) continue;
        if (!copy) copy = t;
        copy->columns[i].inherited = false;
      }
      return copy ? &*copy : &t;
    };
    const auto* before = own_columns(*a, before_copy, [&](const std::string& name) {
      return becomes_local(ctx, a->key(), name, false);
    });
    const auto* after = own_columns(*b, after_copy, [&](const std::string& name) {
      return needed_before_joining(ctx, b->key(), name, false);
    });
    diff_columns(ctx, *before, *after);
    emit_join_parents(ctx, *b, move);
    diff_reloptions(ctx, *a, *b);
    emit_table_settings(ctx, a, *b);
    // Owners and grants are compared only with --with-privileges.
    if (ctx.options.with_privileges || comment_changes(&a->comment, b->comment)) {
      auto ref = ref_of(*b);
      diff_owner_and_acl(ctx, ref, &a->owner, &a->acl, b->owner, b->acl);
      diff_comment(ctx, ref, &a->comment, b->comment);
    }
  });
}

}  // namespace migra::diff
