#include "sql/parse.h"

#include <pg_query.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "sql/lint.h"
#include "util/error.h"

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

// Reads libpg_query's JSON into `document`. The parser and the padded copy of the JSON
// that simdjson reads are kept per thread: reused, their memory is not fresh for each file.
simdjson::error_code parse_tree(const char* json, simdjson::dom::document& document,
                                TreeNode& root) {
  thread_local simdjson::dom::parser parser;
  thread_local std::vector<char> padded;
  size_t length = std::strlen(json);
  if (padded.size() < length + simdjson::SIMDJSON_PADDING) {
    padded.resize(length + simdjson::SIMDJSON_PADDING);
  }
  std::memcpy(padded.data(), json, length);
  std::memset(padded.data() + length, 0, simdjson::SIMDJSON_PADDING);
  auto parse = [&] {
    return parser.parse_into_document(document, padded.data(), length, false).get(root);
  };
  auto error = parse();
  if (error == simdjson::DEPTH_ERROR) {
    // Long chains of operators nest deeply (a+b+c+... is left-deep); nesting a level takes
    // at least two bytes.
    error = parser.allocate(std::max(length, parser.capacity()), length / 2 + 2);
    if (!error) error = parse();
  }
  return error;
}

// The byte offset of the first byte that is not part of a valid UTF-8 sequence, or npos.
size_t first_invalid_utf8(const std::string& t) {
  size_t i = 0;
  while (i < t.size()) {
    auto c = static_cast<unsigned char>(t[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > t.size() || (n == 2 && c < 0xC2)) return i;
    auto next = [&](size_t k) { return static_cast<unsigned char>(t[i + k]); };
    for (size_t k = 1; k < n; ++k) {
      if ((next(k) & 0xC0) != 0x80) return i;
    }
    bool overlong =
        (n == 3 && c == 0xE0 && next(1) < 0xA0) || (n == 4 && c == 0xF0 && next(1) < 0x90);
    bool surrogate = n == 3 && c == 0xED && next(1) >= 0xA0;
    bool too_large = n == 4 && (c > 0xF4 || (c == 0xF4 && next(1) >= 0x90));
    if (overlong || surrogate || too_large) return i;
    i += n;
  }
  return std::string::npos;
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
  auto document = std::make_shared<simdjson::dom::document>();
  TreeNode tree;
  if (auto error = parse_tree(parsed.get().parse_tree, *document, tree)) {
    size_t at = first_invalid_utf8(src->text());
    if (error != simdjson::UTF8_ERROR || at == std::string::npos) {
      throw Error(src->path() + ": cannot read the parse tree: " + simdjson::error_message(error),
                  "report this as a bug in migra, with the file");
    }
    out.problems.push_back({src->location(at), Severity::error,
                            "the file is not valid UTF-8 text",
                            "save model files as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
                            src->line_at(at)});
    return out;
  }
  const auto& t = src->text();
  for (TreeNode raw : tree_array(tree, "stmts")) {
    size_t loc = tree_int(raw, "stmt_location");
    size_t len = tree_int(raw, "stmt_len");
    size_t end = len == 0 ? t.size() : loc + len;
    ModelStatement s;
    s.source = src;
    s.document = document;
    s.offset = skip_blank(t, loc, end);
    s.length = end - s.offset;
    // The statement node is an object of one field: its kind, holding its fields.
    simdjson::dom::object node;
    auto stmt = tree_field(raw, "stmt");
    if (!stmt || stmt->get(node) != simdjson::SUCCESS || node.begin() == node.end()) {
      throw Error(src->location(s.offset).str() + ": the parse tree has no statement here",
                  "report this as a bug in migra, with the file");
    }
    auto field = *node.begin();
    s.kind = field.key;
    s.tree = field.value;
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
