#pragma once
/// Hand-made models of tables, constraints, indexes and sequences for diff unit tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "diff/diff.h"
#include "model/model.h"

namespace migra::test {

inline model::Column column(std::string name, std::string type) {
  model::Column c;
  c.name = std::move(name);
  c.type = std::move(type);
  return c;
}

inline model::Table table(std::string name, std::vector<model::Column> columns) {
  model::Table t;
  t.schema = "public";
  t.name = std::move(name);
  t.owner = "postgres";
  t.columns = std::move(columns);
  return t;
}

inline model::Constraint constraint(std::string table, std::string name, std::string type,
                                    std::string definition, std::vector<std::string> columns) {
  model::Constraint c;
  c.schema = "public";
  c.table = std::move(table);
  c.name = std::move(name);
  c.type = std::move(type);
  c.definition = std::move(definition);
  c.columns = std::move(columns);
  if (c.type != "check" && c.type != "foreign key") c.index = c.name;
  return c;
}

inline model::Index index(std::string table, std::string name, std::string definition,
                          std::vector<std::string> columns) {
  model::Index i;
  i.schema = "public";
  i.table = std::move(table);
  i.name = std::move(name);
  i.definition = std::move(definition);
  i.method = "btree";
  i.columns = std::move(columns);
  return i;
}

inline model::Sequence sequence(std::string name, std::string data_type, std::int64_t max) {
  model::Sequence s;
  s.schema = "public";
  s.name = std::move(name);
  s.owner = "postgres";
  s.options.data_type = std::move(data_type);
  s.options.max = max;
  return s;
}

/// A model with the public schema and every list sorted by key, as inspection makes it.
inline model::Model model_of(std::vector<model::Table> tables,
                             std::vector<model::Constraint> constraints = {},
                             std::vector<model::Index> indexes = {},
                             std::vector<model::Sequence> sequences = {}) {
  model::Model m;
  model::Schema s;
  s.name = "public";
  s.owner = "postgres";
  m.schemas.push_back(s);
  auto by_key = [](const auto& x, const auto& y) { return x.key() < y.key(); };
  std::sort(tables.begin(), tables.end(), by_key);
  std::sort(constraints.begin(), constraints.end(), by_key);
  std::sort(indexes.begin(), indexes.end(), by_key);
  std::sort(sequences.begin(), sequences.end(), by_key);
  m.tables = std::move(tables);
  m.constraints = std::move(constraints);
  m.indexes = std::move(indexes);
  m.sequences = std::move(sequences);
  return m;
}

inline plan::Plan plan_of(const model::Model& from, const model::Model& to) {
  return diff::diff(from, to, diff::DiffOptions{});
}

/// The only statement whose SQL is exactly `sql`; fails the test when there is none.
inline const plan::Statement& statement(const plan::Plan& p, const std::string& sql) {
  static const plan::Statement missing;
  auto it = std::find_if(p.statements.begin(), p.statements.end(),
                         [&](const plan::Statement& s) { return s.sql == sql; });
  if (it == p.statements.end()) {
    std::string all;
    for (const auto& s : p.statements) all += s.sql + "\n";
    ADD_FAILURE() << "no statement: " << sql << "\nplan:\n" << all;
    return missing;
  }
  return *it;
}

/// Position of the statement with exactly this SQL, or -1.
inline int position(const plan::Plan& p, const std::string& sql) {
  for (size_t i = 0; i < p.statements.size(); ++i) {
    if (p.statements[i].sql == sql) return static_cast<int>(i);
  }
  return -1;
}

/// The plan's SQL, one statement a line.
inline std::string sql_of(const plan::Plan& p) {
  std::string all;
  for (const auto& s : p.statements) all += s.sql + "\n";
  return all;
}

}  // namespace migra::test
