#include "sql/load_plan.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <unordered_map>

#include "sql/references.h"

namespace migra::sql {
namespace {

// End of a table element starting at `from` (byte offset in text): the first ',' or ')'
// at depth 0, outside quotes, dollar quotes and comments.
size_t element_end(const std::string& t, size_t from, size_t limit) {
  int depth = 0;
  size_t i = from;
  while (i < limit) {
    char c = t[i];
    if (c == '\'' || c == '"') {
      size_t j = i + 1;
      while (j < limit && !(t[j] == c && (j + 1 >= limit || t[j + 1] != c))) {
        j += (t[j] == c) ? 2 : 1;
      }
      i = j + 1;
      continue;
    }
    if (c == '$') {
      size_t close = t.find('$', i + 1);
      if (close != std::string::npos && close < limit) {
        std::string tag = t.substr(i, close - i + 1);
        bool is_tag = std::all_of(tag.begin() + 1, tag.end() - 1, [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
        });
        if (is_tag) {
          size_t end = t.find(tag, close + 1);
          i = end == std::string::npos ? limit : end + tag.size();
          continue;
        }
      }
    }
    if (t.compare(i, 2, "--") == 0) {
      size_t nl = t.find('\n', i);
      i = nl == std::string::npos ? limit : nl + 1;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')') {
      if (depth == 0) return i;
      --depth;
    }
    if (c == ',' && depth == 0) return i;
    ++i;
  }
  return limit;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string quote(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Moves the given foreign keys out of a CREATE TABLE: the rewritten CREATE TABLE and one
// ALTER TABLE ... ADD per foreign key.
std::vector<LoadStatement> split_foreign_keys(const ModelStatement& s,
                                              const std::vector<const ForeignKeyRef*>& fks) {
  const std::string& t = s.source->text();
  size_t stmt_end = s.offset + s.length;
  TreeNode rel = tree_required(s.tree, "relation");
  std::string table = quote(tree_string(rel, "relname"));
  if (tree_field(rel, "schemaname")) table = quote(tree_string(rel, "schemaname")) + "." + table;
  // Byte ranges of the file to cut out of the CREATE TABLE.
  std::vector<std::pair<size_t, size_t>> cuts;
  std::vector<LoadStatement> alters;
  // Parse-tree locations are byte offsets into the whole file, not into the statement.
  for (const auto* fk : fks) {
    size_t start = tree_int(fk->constraint, "location");
    size_t end;
    std::string clause;
    if (fk->column) {
      // Up to the column's next constraint, or the end of the column definition.
      end = element_end(t, start, stmt_end);
      for (TreeNode other : tree_array(*fk->column, "constraints")) {
        size_t loc = tree_int(tree_required(other, "Constraint"), "location");
        if (loc > start && loc < end) end = loc;
      }
      std::string text = t.substr(start, end - start);
      size_t ref = lower(text).find("references");
      std::string name(tree_string(fk->constraint, "conname"));
      clause = (name.empty() ? "" : "constraint " + quote(name) + " ") + "foreign key (" +
               quote(tree_string(*fk->column, "colname")) + ") " + text.substr(ref);
      cuts.push_back({start, end});
    } else {
      end = element_end(t, start, stmt_end);
      clause = t.substr(start, end - start);
      // Take the comma before the element with it (the element is never the only one:
      // a foreign key needs a column).
      size_t comma = t.rfind(',', start);
      cuts.push_back({comma != std::string::npos && comma > s.offset ? comma : start, end});
    }
    while (!clause.empty() && std::isspace(static_cast<unsigned char>(clause.back()))) clause.pop_back();
    LoadStatement alter;
    alter.origin = &s;
    std::string prefix = "alter table " + table + " add ";
    alter.sql = prefix + clause;
    alter.segments = {{0, start}, {prefix.size(), start}};
    alters.push_back(std::move(alter));
  }
  std::sort(cuts.begin(), cuts.end());
  LoadStatement create;
  create.origin = &s;
  size_t pos = s.offset;
  for (const auto& [from, to] : cuts) {
    create.segments.push_back({create.sql.size(), pos});
    create.sql += t.substr(pos, from - pos);
    pos = to;
  }
  create.segments.push_back({create.sql.size(), pos});
  create.sql += t.substr(pos, stmt_end - pos);
  std::vector<LoadStatement> out{std::move(create)};
  for (auto& a : alters) out.push_back(std::move(a));
  return out;
}

LoadStatement whole(const ModelStatement& s) {
  LoadStatement l;
  l.sql = s.text();
  l.origin = &s;
  l.segments = {{0, s.offset}};
  return l;
}

}  // namespace

SourceLocation LoadStatement::location_of(size_t position) const {
  size_t file_offset = origin->offset;
  for (const auto& [in_sql, in_file] : segments) {
    if (in_sql > position) break;
    file_offset = in_file + (position - in_sql);
  }
  return origin->source->location(file_offset);
}

LoadPlan plan_load(const ParsedModel& model) {
  const auto& stmts = model.statements;
  const size_t n = stmts.size();
  std::vector<StatementNames> names(n);
  std::unordered_map<std::string, size_t> definer;
  definer.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    names[i] = statement_names(stmts[i]);
    for (const auto& d : names[i].defines) definer.emplace(d, i);  // the first definition wins
  }
  // next[j]: the statements waiting for j, each once.
  std::vector<std::vector<size_t>> next(n);
  std::vector<size_t> indegree(n, 0);
  std::vector<size_t> last_waiter(n, n);
  for (size_t i = 0; i < n; ++i) {
    for (const auto& r : names[i].references) {
      auto it = definer.find(r);
      if (it == definer.end() || it->second == i || last_waiter[it->second] == i) continue;
      last_waiter[it->second] = i;
      next[it->second].push_back(i);
      ++indegree[i];
    }
  }
  // Ready statements by rank, then model order.
  using Ready = std::pair<int, size_t>;
  std::priority_queue<Ready, std::vector<Ready>, std::greater<>> ready;
  for (size_t i = 0; i < n; ++i) {
    if (indegree[i] == 0) ready.push({names[i].rank, i});
  }
  std::vector<size_t> order;
  order.reserve(n);
  std::vector<size_t> position(n, n);
  while (!ready.empty()) {
    size_t i = ready.top().second;
    ready.pop();
    position[i] = order.size();
    order.push_back(i);
    for (size_t j : next[i]) {
      if (--indegree[j] == 0) ready.push({names[j].rank, j});
    }
  }
  LoadPlan plan;
  if (order.size() < n) {
    // Name each statement stuck in a cycle, with what it waits for.
    for (size_t i = 0; i < n; ++i) {
      if (position[i] != n) continue;
      std::string waits;
      for (const auto& r : names[i].references) {
        auto it = definer.find(r);
        if (it != definer.end() && position[it->second] == n && it->second != i) {
          waits = r.substr(r.find(':') + 1) + " (defined at " + stmts[it->second].location().str() + ")";
          break;
        }
      }
      plan.problems.push_back({stmts[i].location(), Severity::error,
                               "cannot order this statement: it needs " + waits +
                                   ", which needs this one (a dependency cycle)",
                               "break the cycle, e.g. by moving one reference into a separate "
                               "ALTER statement",
                               stmts[i].source->line_at(stmts[i].offset)});
    }
    return plan;
  }
  // Foreign keys to tables created later (or cycles) move after everything they need.
  std::vector<LoadStatement> deferred;
  for (size_t i : order) {
    std::vector<const ForeignKeyRef*> late;
    for (const auto& fk : names[i].foreign_keys) {
      auto it = definer.find(fk.target);
      if (it != definer.end() && it->second != i && position[it->second] > position[i]) {
        late.push_back(&fk);
      }
    }
    if (late.empty()) {
      plan.statements.push_back(whole(stmts[i]));
      continue;
    }
    auto parts = split_foreign_keys(stmts[i], late);
    plan.statements.push_back(std::move(parts[0]));
    for (size_t k = 1; k < parts.size(); ++k) deferred.push_back(std::move(parts[k]));
  }
  // Deferred foreign keys run last, when every table they join exists.
  for (auto& d : deferred) plan.statements.push_back(std::move(d));
  return plan;
}

}  // namespace migra::sql
