#pragma once
// The property generator's internals: its random source and the generator, whose parts
// live in schema_generator.cpp (building), schema_mutations.cpp (mutating) and
// schema_repair.cpp (repairing).
#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <utility>

#include "property/schema_generator.h"
#include "property/schema_model.h"

namespace migra::test::property {

/// Draws from mt19937_64, whose output the standard fixes; the bounded draws are ours,
/// since the std distributions differ between standard libraries.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : engine_(seed) {}
  /// Uniform in [0, n), by rejecting the few values that would bias the modulo.
  std::uint64_t below(std::uint64_t n) {
    const std::uint64_t reject_under = (0 - n) % n;  // 2^64 mod n
    for (;;) {
      std::uint64_t v = engine_();
      if (v >= reject_under) return v % n;
    }
  }
  /// Uniform in [lo, hi].
  int range(int lo, int hi) {
    return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
  }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }
  template <typename T>
  T& pick(std::vector<T>& v) {
    return v[below(v.size())];
  }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::mt19937_64 engine_;
};

inline bool is_int(const Type& t) {
  return !t.array && (t.base == Base::Int || t.base == Base::BigInt || t.base == Base::SmallInt);
}

template <typename T, typename P>
void erase_if(std::vector<T>& v, P pred) {
  v.erase(std::remove_if(v.begin(), v.end(), pred), v.end());
}

/// Builds or mutates one model, then repairs it so that it renders into SQL that loads.
class Generator {
 public:
  Generator(Model& m, Rng& rng, const Features& f) : m_(m), rng_(rng), f_(f) {}

  /// Fills an empty model: schema A.
  void build();
  /// Applies a few random mutations: schema B.
  void mutate();

 private:
  Model& m_;
  Rng& rng_;
  const Features& f_;

  std::string name(const char* prefix, int id);
  int random_schema();
  Comment some_comment(int id);

  // ---- objects (schema_generator.cpp)
  int add_schema();
  std::string new_label();
  void add_enum();
  DomainCheck domain_check();
  void add_domain();
  void sequence_params(Sequence& s, std::int64_t current);
  void add_sequence();
  Base fn_type();
  Lang fn_lang();
  void add_function(bool reads_table);
  Type random_type();
  Default random_default(const Type& type);
  Column new_column(const Table& t);
  void set_identity(Column& c);
  std::vector<int> plain_columns(const Table& t);
  void add_table(int schema);
  void set_primary_key(Table& t);
  void add_unique(Table& t);
  void add_check(Table& t);
  void add_foreign_key(Table& t);
  void add_index();
  IndexElem index_elem(Table& t);
  ViewItem view_item(const View& v);
  void add_view();
  std::optional<Pred> random_pred(const Table& t);
  void policy_expressions(Policy& p, const Table& t);
  void policy_roles(Policy& p);
  void add_policy();

  // ---- privileges and comments (schema_generator.cpp)
  struct GrantSlot {
    std::vector<Grant>* grants;
    const std::vector<std::string>* privileges;
    bool* public_flag;
  };
  std::vector<GrantSlot> grant_slots();
  void add_grant();
  std::vector<Comment*> comment_slots();
  void set_comment();

  // ---- mutations (schema_mutations.cpp)
  // Columns of A that B must keep (with their type), columns whose type B must keep, and
  // the enums and domains those columns or keys use, while features are off.
  std::set<std::pair<int, int>> pinned_;
  std::set<std::pair<int, int>> keep_type_;
  std::set<int> pinned_types_;
  // Schema A, for what B must stay compatible with: column types B can convert from, the
  // current values of sequences.
  Model a_;
  void pin_columns();
  bool pinned(const Table& t, const Column& c) const;
  bool type_pinned(const Table& t, const Column& c) const;
  bool pinned_type(int id) const;
  bool schema_has_pinned_type(int schema) const;
  Table* random_table();
  Column* random_column(Table& t);
  bool castable(const Model& from_model, const Type& from, const Type& to);
  void op_schema();
  void op_table();
  void op_add_column();
  void op_drop_column();
  void op_rename_column();
  void op_column_type();
  void op_default();
  void op_not_null();
  void op_identity();
  void op_generated();
  void op_primary_key();
  void op_unique();
  void op_check();
  void op_foreign_key();
  void op_index();
  void op_view();
  void op_function();
  void op_enum();
  void op_domain();
  void op_sequence();
  void op_policy();
  void op_rls();
  void op_grant();
  void op_comment();

  // ---- repair: drop or adapt whatever no longer fits (schema_repair.cpp)
  void repair();
  void repair_table(Table& t);
  void repair_views();
};

}  // namespace migra::test::property
