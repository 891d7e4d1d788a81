#pragma once
/// A finding about a model file, printed compiler-style: path:line:col: error: message,
/// then the source line and a caret under the column.
#include <string>
#include <vector>

#include "util/error.h"

namespace migra::sql {

/// How bad a finding is: errors stop a load; warnings only inform.
enum class Severity { error, warning };

/// One finding at a place in a model file.
struct Problem {
  SourceLocation where;
  Severity severity = Severity::error;
  std::string message;
  std::string hint;         ///< what to do about it; may be empty
  std::string source_line;  ///< the line `where` points into, without its newline
};

/// The compiler-style text of a problem, ending in a newline.
std::string format_problem(const Problem& problem);

/// True when any problem is an error.
bool has_errors(const std::vector<Problem>& problems);

}  // namespace migra::sql

namespace migra::sql {

/// Thrown when model files cannot be used; carries every problem found, for
/// compiler-style printing.
class ModelError : public Error {
 public:
  explicit ModelError(std::vector<Problem> problems);
  [[nodiscard]] const std::vector<Problem>& problems() const { return problems_; }

 private:
  std::vector<Problem> problems_;
};

}  // namespace migra::sql
