#pragma once
/// Model files parsed with libpg_query: split into statements with exact positions, each
/// with its parse tree, plus the problems found on the way (syntax errors, statements
/// that don't belong in a model).
#include <memory>
#include <string>
#include <vector>

#include "sql/parse_tree.h"
#include "sql/problem.h"
#include "sql/source_text.h"

namespace migra::sql {

/// One statement of a model file.
struct ModelStatement {
  std::shared_ptr<const SourceText> source;
  /// The parse tree of the whole file, which `tree` points into.
  std::shared_ptr<const simdjson::dom::document> document;
  size_t offset = 0;  ///< byte offset of the statement's first token
  size_t length = 0;  ///< bytes, without the terminating semicolon
  std::string kind;   ///< parse node name, e.g. "CreateStmt"
  TreeNode tree;       ///< the node's fields (an object)
  [[nodiscard]] std::string text() const { return source->text().substr(offset, length); }
  [[nodiscard]] SourceLocation location() const { return source->location(offset); }
};

/// Every statement of a set of model files, in file order, and what is wrong with them.
struct ParsedModel {
  std::vector<ModelStatement> statements;
  std::vector<Problem> problems;
};

/// What a file is: a model (linted for statements that don't belong in one) or a
/// migration (any SQL).
enum class FileRole { model, migration };

/// Parses one file's text; problems carry file:line:column.
ParsedModel parse_model_text(const std::string& path, std::string text,
                             FileRole role = FileRole::model);

/// Reads and parses files in the given order. Unreadable files are problems too.
ParsedModel parse_model_files(const std::vector<std::string>& paths);

}  // namespace migra::sql
