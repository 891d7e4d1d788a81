// Enum types. Labels that are only added (anywhere) become ALTER TYPE ... ADD VALUE, so
// no table is touched. Removed or reordered labels, or new labels the same migration
// already uses, need a new type: the old one is renamed, the new one created, columns
// converted through text, the old one dropped (types.cpp).
#include <algorithm>
#include <unordered_map>

#include "diff/common.h"
#include "diff/kinds.h"
#include "diff/types.h"

namespace migra::diff {
namespace {

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

// True when a deparsed expression casts a string literal naming the label: `'label'::`,
// or an array literal holding it. Conservative: any literal of any type counts.
bool mentions_label(const std::string& text, const std::string& label) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\'') continue;
    std::string literal;
    size_t j = i + 1;
    for (; j < text.size(); ++j) {
      if (text[j] != '\'') {
        literal += text[j];
      } else if (j + 1 < text.size() && text[j + 1] == '\'') {
        literal += '\'';
        ++j;
      } else {
        break;
      }
    }
    if (text.compare(j + 1, 2, "::") == 0 &&
        (literal == label || (literal.starts_with("{") && literal.find(label) != std::string::npos))) {
      return true;
    }
    i = j;
  }
  return false;
}

// Deparsed expressions of the target that use each of the enums with these keys (or may:
// policies and trigger conditions don't list what they use, so they count for every key),
// gathered in one pass over the model.
class ExpressionsUsing {
 public:
  ExpressionsUsing(const model::Model& m, const std::vector<std::string>& keys) {
    for (const auto& k : keys) by_key_.try_emplace(k);
    auto add = [](std::vector<const std::string*>& to, const auto& text) {
      if (text) to.push_back(&*text);
    };
    for (const auto& t : m.tables) {
      for (const auto& c : t.columns) {
        for_keys(c.type_key ? &*c.type_key : nullptr, c.depends_on, [&](auto& to) {
          add(to, c.default_);
          add(to, c.generated);
        });
      }
    }
    for (const auto& c : m.constraints) {
      for_keys(nullptr, c.depends_on, [&](auto& to) { to.push_back(&c.definition); });
    }
    for (const auto& i : m.indexes) {
      for_keys(nullptr, i.depends_on, [&](auto& to) { to.push_back(&i.definition); });
    }
    for (const auto& v : m.views) {
      for_keys(nullptr, v.depends_on, [&](auto& to) {
        to.push_back(&v.definition);
        for (const auto& c : v.columns) add(to, c.default_);
      });
    }
    for (const auto& f : m.functions) {
      // Only SQL bodies are parsed when created; other languages run later, after commit.
      if (f.language != "sql") continue;
      for_keys(nullptr, f.depends_on, [&](auto& to) { to.push_back(&f.definition); });
    }
    for (const auto& d : m.domains) {
      for_keys(d.base_type_key ? &*d.base_type_key : nullptr, {}, [&](auto& to) {
        add(to, d.default_);
        for (const auto& c : d.constraints) to.push_back(&c.definition);
      });
    }
    for (const auto& p : m.policies) {
      add(every_key_, p.using_);
      add(every_key_, p.with_check);
    }
    for (const auto& t : m.triggers) every_key_.push_back(&t.definition);
  }

  /// Whether fn holds for an expression that may use the enum with this key (one of the keys).
  template <typename Fn>
  bool any_of(const std::string& key, Fn fn) const {
    auto it = by_key_.find(key);
    if (it != by_key_.end() && std::any_of(it->second.begin(), it->second.end(), fn)) return true;
    return std::any_of(every_key_.begin(), every_key_.end(), fn);
  }

 private:
  // Calls add(list) for each wanted key that `type` names or `depends_on` holds.
  template <typename Add>
  void for_keys(const std::string* type, const std::vector<std::string>& depends_on, Add add) {
    if (type) {
      if (auto it = by_key_.find(*type); it != by_key_.end()) add(it->second);
    }
    for (const auto& k : depends_on) {
      if (type && k == *type) continue;
      if (auto it = by_key_.find(k); it != by_key_.end()) add(it->second);
    }
  }

  std::unordered_map<std::string, std::vector<const std::string*>> by_key_;
  std::vector<const std::string*> every_key_;
};

// A label added by ALTER TYPE ... ADD VALUE can't be used before the transaction commits,
// so a migration that also creates something using it has to recreate the type instead.
std::vector<std::string> added_labels(const model::EnumType& a, const model::EnumType& b) {
  std::vector<std::string> added;
  for (const auto& label : b.labels) {
    if (std::find(a.labels.begin(), a.labels.end(), label) == a.labels.end()) added.push_back(label);
  }
  return added;
}

}  // namespace

void find_enum_recreations(DiffContext& ctx) {
  // Enums that only gain labels are recreated when the target uses a new label; the
  // target is searched once for all of them.
  std::vector<std::pair<std::string, std::vector<std::string>>> gaining;  // key, new labels
  ctx.each_pair(ctx.from.enums, ctx.to.enums, [&](const model::EnumType* a, const model::EnumType* b) {
    if (!a || !b) return;
    if (!only_additions(*a, *b)) {
      ctx.mark_recreate(node_id("type", b->key()));
    } else if (auto added = added_labels(*a, *b); !added.empty()) {
      gaining.emplace_back(b->key(), std::move(added));
    }
  });
  if (gaining.empty()) return;
  std::vector<std::string> keys;
  for (const auto& g : gaining) keys.push_back(g.first);
  ExpressionsUsing expressions(ctx.to, keys);
  for (const auto& [key, added] : gaining) {
    bool used = expressions.any_of(key, [&](const std::string* text) {
      return std::any_of(added.begin(), added.end(),
                         [&](const std::string& label) { return mentions_label(*text, label); });
    });
    if (used) ctx.mark_recreate(node_id("type", key));
  }
}

void diff_enums(DiffContext& ctx) {
  ctx.each_pair(ctx.from.enums, ctx.to.enums, [&](const model::EnumType* a, const model::EnumType* b) {
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
      emit_old_version_rename(ctx, ref, "type", b->schema, b->name);
      emit_new_version(ctx, ref, create_sql(*b));
      ctx.emit(old_version_drop(ctx, ref, "type", b->schema, b->name));
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
      // Appending needs no position: the output stays short.
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
