#pragma once
/// The one exception root that reaches the CLI: a message, what to do next, and
/// where it happened (SQL query and SQLSTATE, or file:line:column).
#include <optional>
#include <stdexcept>
#include <string>

namespace migra {

/// A position in a model file, 1-based.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  [[nodiscard]] std::string str() const;
};

/// Every error migra reports to the user derives from this.
class Error : public std::runtime_error {
 public:
  explicit Error(std::string message, std::string hint = {});

  /// What the user should do next; may be empty.
  [[nodiscard]] const std::string& hint() const { return hint_; }
  [[nodiscard]] const std::string& sqlstate() const { return sqlstate_; }
  [[nodiscard]] const std::string& query() const { return query_; }
  [[nodiscard]] const std::optional<SourceLocation>& location() const { return location_; }

  Error& with_sqlstate(std::string s) { sqlstate_ = std::move(s); return *this; }
  Error& with_query(std::string q) { query_ = std::move(q); return *this; }
  Error& with_location(SourceLocation l) { location_ = std::move(l); return *this; }

 private:
  std::string hint_;
  std::string sqlstate_;
  std::string query_;
  std::optional<SourceLocation> location_;
};

}  // namespace migra
