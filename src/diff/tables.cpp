// Tables: create, drop, recreate (partitioned <-> plain), partitions, inheritance,
// persistence, row level security, replica identity, storage options; columns are in
// columns.cpp.
#include <algorithm>
#include <set>

#include "diff/columns.h"
#include "diff/common.h"
#include "diff/kinds.h"

namespace migra::diff {
namespace {

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
  if (!set.empty()) ctx.emit(table_alter(b, "set (" + join(set) + ")"));
  if (!reset.empty()) ctx.emit(table_alter(b, "reset (" + join(reset) + ")"));
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
  if (identity != b.replica_identity || index != b.replica_identity_index) {
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
  emit_table_settings(ctx, nullptr, t);
  diff_comment(ctx, ref, nullptr, t.comment);
  diff_owner(ctx, ref, nullptr, t.owner);
  diff_acl(ctx, ref, nullptr, t.acl, t.owner);
  for (const auto& c : t.columns) {
    if (c.inherited && !c.comment) continue;
    std::string target = "column " + t.key() + "." + model::quote_ident(c.name);
    diff_comment(ctx, {"table", t.key(), "", target, "", 'r'}, nullptr, c.comment);
    diff_acl(ctx, ref, nullptr, c.acl, t.owner, c.name);
  }
}

void emit_drop(DiffContext& ctx, const model::Table& t) {
  auto s = make_statement(ref_of(t), plan::Action::drop, plan::Phase::drop_table,
                          "drop table " + t.key() + ";");
  s.destructive = true;
  s.lock = plan::Lock::access_exclusive;
  ctx.emit(std::move(s));
}

bool cannot_alter(const model::Table& a, const model::Table& b) {
  return a.partitioned != b.partitioned || a.partition_key != b.partition_key;
}

}  // namespace

void find_table_recreations(DiffContext& ctx) {
  for_each_pair(ctx.from.tables, ctx.to.tables, [&](const model::Table* a, const model::Table* b) {
    if (a && b && cannot_alter(*a, *b)) ctx.mark_recreate(node_id("table", b->key()));
  });
}

void find_table_invalidations(DiffContext& ctx) {
  for_each_pair(ctx.from.tables, ctx.to.tables, [&](const model::Table* a, const model::Table* b) {
    if (!a || !b || !columns_invalidate_readers(ctx, *a, *b)) return;
    for (const auto& dependent : ctx.from_graph.dependents_of(node_id("table", a->key()))) {
      if ((dependent.starts_with("view:") || dependent.starts_with("function:")) &&
          ctx.to_graph.contains(dependent)) {
        ctx.mark_recreate(dependent);
      }
    }
  });
}

void diff_tables(DiffContext& ctx) {
  for_each_pair(ctx.from.tables, ctx.to.tables, [&](const model::Table* a, const model::Table* b) {
    if (!b) {
      emit_drop(ctx, *a);
      return;
    }
    if (!a) {
      emit_create(ctx, *b);
      return;
    }
    if (ctx.recreating(node_id("table", b->key()))) {
      emit_drop(ctx, *a);
      emit_create(ctx, *b);
      return;
    }
    auto ref = ref_of(*b);
    if (a->unlogged != b->unlogged) {
      auto s = table_alter(*b, b->unlogged ? "set unlogged" : "set logged");
      s.rewrites_table = true;
      ctx.emit(std::move(s));
    }
    if (a->partition_of != b->partition_of || a->partition_bound != b->partition_bound) {
      if (a->partition_of) {
        auto s = make_statement(ref, plan::Action::alter, plan::Phase::alter_table,
                                "alter table " + *a->partition_of + " detach partition " +
                                    a->key() + ";");
        s.lock = plan::Lock::access_exclusive;
        // Detached first, the partition keeps none of the old parent's later changes.
        s.precedes_nodes = {node_id("table", *a->partition_of)};
        ctx.emit(std::move(s));
      }
      if (b->partition_of) {
        auto s = make_statement(ref, plan::Action::alter, plan::Phase::alter_table,
                                "alter table " + *b->partition_of + " attach partition " +
                                    b->key() + " " + b->partition_bound.value_or("DEFAULT") + ";");
        s.lock = plan::Lock::access_exclusive;
        ctx.emit(std::move(s));
      }
    }
    for (const auto& p : a->inherits) {
      if (std::find(b->inherits.begin(), b->inherits.end(), p) == b->inherits.end()) {
        ctx.emit(table_alter(*b, "no inherit " + p));
      }
    }
    for (const auto& p : b->inherits) {
      if (std::find(a->inherits.begin(), a->inherits.end(), p) == a->inherits.end()) {
        ctx.emit(table_alter(*b, "inherit " + p));
      }
    }
    diff_columns(ctx, *a, *b);
    diff_reloptions(ctx, *a, *b);
    emit_table_settings(ctx, a, *b);
    diff_owner_and_acl(ctx, ref, &a->owner, &a->acl, b->owner, b->acl);
    diff_comment(ctx, ref, &a->comment, b->comment);
  });
}

}  // namespace migra::diff
