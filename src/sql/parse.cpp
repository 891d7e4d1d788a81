#include "sql/parse.h"

#include <pg_query.h>

#include <fstream>
#include <sstream>

#include "sql/lint.h"

namespace migra::sql {
namespace {

// Owns one libpg_query parse result.
class ParseResult {
 public:
  explicit ParseResult(const std::string& text) : result_(pg_query_parse(text.c_str())) {}
  ~ParseResult() { pg_query_free_parse_result(result_); }
  ParseResult(const ParseResult&) = delete;
  ParseResult& operator=(const ParseResult&) = delete;
  [[nodiscard]] const PgQueryParseResult& get() const { return result_; }

 private:
  PgQueryParseResult result_;
};

// Skips whitespace and comments, so a statement's position is its first token.
size_t skip_blank(const std::string& t, size_t i, size_t end) {
  while (i < end) {
    if (std::isspace(static_cast<unsigned char>(t[i]))) {
      ++i;
    } else if (t.compare(i, 2, "--") == 0) {
      size_t nl = t.find('\n', i);
      i = nl == std::string::npos ? end : nl + 1;
    } else if (t.compare(i, 2, "/*") == 0) {
      size_t close = t.find("*/", i + 2);
      i = close == std::string::npos ? end : close + 2;
    } else {
      break;
    }
  }
  return std::min(i, end);
}

// psql meta-commands (\i, \c, \set ...) start a line with a backslash; the parser would
// only call them a syntax error.
bool find_meta_command(const SourceText& src, std::vector<Problem>& problems) {
  const auto& t = src.text();
  bool found = false;
  size_t start = 0;
  while (start < t.size()) {
    size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    size_t i = start;
    while (i < end && (t[i] == ' ' || t[i] == '\t')) ++i;
    if (i < end && t[i] == '\\') {
      size_t word_end = t.find_first_of(" \t\r\n", i);
      std::string word = t.substr(i, (word_end == std::string::npos ? end : word_end) - i);
      problems.push_back({src.location(i), Severity::error,
                          "psql meta-command " + word + " is not SQL and cannot be part of a model",
                          "models are plain SQL files; list every file in the models setting "
                          "instead of including them",
                          src.line_at(i)});
      found = true;
    }
    start = end + 1;
  }
  return found;
}

}  // namespace

ParsedModel parse_model_text(const std::string& path, std::string text, FileRole role) {
  ParsedModel out;
  auto src = std::make_shared<const SourceText>(path, std::move(text));
  if (find_meta_command(*src, out.problems)) return out;

  ParseResult parsed(src->text());
  if (const auto* err = parsed.get().error) {
    size_t at = err->cursorpos > 0 ? src->byte_of_char(0, err->cursorpos) : 0;
    out.problems.push_back({src->location(at), Severity::error, err->message,
                            "fix the SQL syntax at this position", src->line_at(at)});
    return out;
  }
  auto tree = nlohmann::json::parse(parsed.get().parse_tree);
  const auto& t = src->text();
  auto stmts = tree.find("stmts");
  if (stmts == tree.end()) return out;
  for (auto& raw : *stmts) {
    size_t loc = raw.value("stmt_location", 0);
    size_t len = raw.value("stmt_len", 0);
    size_t end = len == 0 ? t.size() : loc + len;
    ModelStatement s;
    s.source = src;
    s.offset = skip_blank(t, loc, end);
    s.length = end - s.offset;
    auto& node = raw.at("stmt");
    s.kind = node.begin().key();
    // Moved, not copied: a file's tree is large and only its statements are kept.
    s.tree = std::move(node.begin().value());
    out.statements.push_back(std::move(s));
  }
  if (role == FileRole::model) {
    for (const auto& s : out.statements) lint_statement(s, out.problems);
  }
  return out;
}

ParsedModel parse_model_files(const std::vector<std::string>& paths) {
  ParsedModel all;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      all.problems.push_back({{path, 0, 0}, Severity::error, "cannot read model file",
                              "check that the file exists and is readable", ""});
      continue;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto one = parse_model_text(path, ss.str());
    for (auto& s : one.statements) all.statements.push_back(std::move(s));
    for (auto& p : one.problems) all.problems.push_back(std::move(p));
  }
  return all;
}

}  // namespace migra::sql
