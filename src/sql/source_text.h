#pragma once
/// A model file's text with position arithmetic: byte offsets, 1-based lines and
/// columns (columns count characters, as PostgreSQL's error positions do).
#include <string>
#include <vector>

#include "util/error.h"

namespace migra::sql {

/// The text of one model file.
class SourceText {
 public:
  SourceText(std::string path, std::string text);
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] const std::string& text() const { return text_; }
  /// file:line:column of a byte offset.
  [[nodiscard]] SourceLocation location(size_t byte_offset) const;
  /// The byte offset of a 1-based character position counted from byte `start`.
  [[nodiscard]] size_t byte_of_char(size_t start, int char_position) const;
  /// The whole line holding a byte offset, without its newline.
  [[nodiscard]] std::string line_at(size_t byte_offset) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<size_t> line_starts_;
};

}  // namespace migra::sql
