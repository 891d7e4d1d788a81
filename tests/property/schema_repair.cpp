// Repair after building or mutating: whatever refers to something gone, or no longer
// fits a type, is dropped or adapted, so the model renders into SQL that loads.
#include "property/generator.h"

namespace migra::test::property {

void Generator::repair() {
  auto schema_gone = [&](const auto& x) { return !by_id(m_.schemas, x.schema); };
  erase_if(m_.enums, schema_gone);
  erase_if(m_.domains, schema_gone);
  erase_if(m_.sequences, schema_gone);
  erase_if(m_.tables, schema_gone);
  erase_if(m_.views, schema_gone);
  for (auto& e : m_.enums) {
    if (e.labels.empty()) e.labels.push_back(new_label());
  }
  for (auto& t : m_.tables) {
    for (auto& c : t.columns) {
      bool gone = (c.type.base == Base::Enum && !by_id(m_.enums, c.type.ref)) ||
                  (c.type.base == Base::Domain && !by_id(m_.domains, c.type.ref));
      if (gone) c.type = Type{Base::Text, 0, 0, -1, c.type.array};
    }
  }
  erase_if(m_.functions, [&](const Function& f) {
    return !by_id(m_.schemas, f.schema) || (f.reads_table >= 0 && !by_id(m_.tables, f.reads_table));
  });
  for (auto& f : m_.functions) {
    if (f.reads_table >= 0 && f.volatility == Volatility::Immutable) {
      f.volatility = Volatility::Stable;
    }
  }
  for (auto& t : m_.tables) repair_table(t);
  erase_if(m_.indexes, [&](Index& i) {
    const Table* t = by_id(m_.tables, i.table);
    if (!t) return true;
    erase_if(i.elems, [&](const IndexElem& e) { return !by_id(t->columns, e.col); });
    if (i.where && !by_id(t->columns, i.where->col)) i.where.reset();
    return i.elems.empty();
  });
  repair_views();
  erase_if(m_.policies, [&](Policy& p) {
    const Table* t = by_id(m_.tables, p.table);
    if (!t) return true;
    for (auto* e : {&p.using_, &p.check}) {
      if (*e && (*e)->col >= 0 && !by_id(t->columns, (*e)->col)) (*e)->col = -1;
    }
    if (p.command == 1 || p.command == 4) p.check.reset();
    if (p.command == 2) p.using_.reset();
    return false;
  });
}

void Generator::repair_table(Table& t) {
  for (auto& c : t.columns) {
    if (!is_int(c.type)) c.identity = Identity::None;
    if (c.generated_from >= 0) {
      const Column* src = by_id(t.columns, c.generated_from);
      std::optional<Type> type;
      if (src && src->id != c.id && src->generated_from < 0 && src->identity == Identity::None) {
        type = generated_type(m_, src->type);
      }
      if (type) {
        c.type = *type;
        c.identity = Identity::None;
      } else {
        c.generated_from = -1;
      }
    }
    if (c.identity != Identity::None || c.generated_from >= 0) c.default_ = {};
  }
  auto plain = [&](int id) {
    const Column* c = by_id(t.columns, id);
    return c && c->generated_from < 0;
  };
  auto keep_plain = [&](std::vector<int>& ids) {
    erase_if(ids, [&](int id) { return !plain(id); });
    std::vector<int> seen;
    erase_if(ids, [&](int id) {
      if (std::count(seen.begin(), seen.end(), id)) return true;
      seen.push_back(id);
      return false;
    });
  };
  keep_plain(t.pk);
  for (auto& u : t.uniques) keep_plain(u.cols);
  erase_if(t.uniques, [](const Unique& u) { return u.cols.empty(); });
  erase_if(t.checks, [&](const Check& k) { return !by_id(t.columns, k.pred.col); });
  erase_if(t.fks, [&](const ForeignKey& k) {
    const Table* r = by_id(m_.tables, k.ref_table);
    if (!r || k.cols.size() != k.ref_cols.size()) return true;
    bool keyed = r->pk == k.ref_cols;
    for (const auto& u : r->uniques) keyed = keyed || u.cols == k.ref_cols;
    if (!keyed) return true;
    for (size_t i = 0; i < k.cols.size(); ++i) {
      const Column* a = by_id(t.columns, k.cols[i]);
      const Column* b = by_id(r->columns, k.ref_cols[i]);
      if (!a || !b || a->generated_from >= 0 || !(a->type == b->type)) return true;
    }
    return false;
  });
}

void Generator::repair_views() {
  for (size_t vi = 0; vi < m_.views.size();) {
    View& v = m_.views[vi];
    bool source_ok = false;
    if (v.from_view) {
      for (size_t k = 0; k < vi; ++k) source_ok = source_ok || m_.views[k].id == v.source;
    } else {
      source_ok = by_id(m_.tables, v.source) != nullptr;
    }
    auto cols = source_columns(m_, v);
    auto find_col = [&](int id) -> const SourceColumn* {
      for (const auto& c : cols) {
        if (c.id == id) return &c;
      }
      return nullptr;
    };
    if (source_ok) {
      erase_if(v.items, [&](ViewItem& it) {
        const Function* f = by_id(m_.functions, it.fn);
        if (it.col < 0) return !f;
        const SourceColumn* c = find_col(it.col);
        if (!c) return true;
        if (f && (f->params.empty() || !arg_ok(m_, c->type, f->params[0]))) it.fn = -1;
        if (!f) it.fn = -1;
        return false;
      });
      if (v.where && !find_col(v.where->col)) v.where.reset();
    }
    if (!source_ok || v.items.empty()) {
      m_.views.erase(m_.views.begin() + static_cast<long>(vi));
    } else {
      ++vi;
    }
  }
}

}  // namespace migra::test::property
