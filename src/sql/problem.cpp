#include "sql/problem.h"

#include <algorithm>

namespace migra::sql {

std::string format_problem(const Problem& p) {
  std::string out = p.where.str() + ": " + (p.severity == Severity::error ? "error" : "warning") +
                    ": " + p.message + "\n";
  if (!p.source_line.empty()) {
    out += "  " + p.source_line + "\n";
    // The caret lines up under the column; tabs are kept so it lines up in a terminal.
    std::string pad;
    int col = 1;
    for (char c : p.source_line) {
      if (col >= p.where.column) break;
      // Continuation bytes of a UTF-8 character take no column of their own.
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
        pad += c == '\t' ? '\t' : ' ';
        ++col;
      }
    }
    out += "  " + pad + "^\n";
  }
  if (!p.hint.empty()) out += "  hint: " + p.hint + "\n";
  return out;
}

bool has_errors(const std::vector<Problem>& problems) {
  return std::any_of(problems.begin(), problems.end(),
                     [](const Problem& p) { return p.severity == Severity::error; });
}

}  // namespace migra::sql

namespace migra::sql {

ModelError::ModelError(std::vector<Problem> problems)
    : Error(problems.empty() ? "invalid model" : problems.front().message,
            problems.empty() ? "" : problems.front().hint),
      problems_(std::move(problems)) {
  if (!problems_.empty()) with_location(problems_.front().where);
}

}  // namespace migra::sql
