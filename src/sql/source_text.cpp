#include "sql/source_text.h"

#include <algorithm>

namespace migra::sql {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

SourceText::SourceText(std::string path, std::string text)
    : path_(std::move(path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceLocation SourceText::location(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());
  size_t start = line_starts_[line - 1];
  int column = 1;
  for (size_t i = start; i < offset; ++i) {
    if (!continuation(text_[i])) ++column;
  }
  return {path_, static_cast<int>(line), column};
}

size_t SourceText::byte_of_char(size_t start, int char_position) const {
  size_t i = start;
  for (int seen = 1; i < text_.size() && seen < char_position; ++seen) {
    ++i;
    while (i < text_.size() && continuation(text_[i])) ++i;
  }
  return std::min(i, text_.size());
}

std::string SourceText::line_at(size_t offset) const {
  auto loc = location(offset);
  size_t start = line_starts_[static_cast<size_t>(loc.line) - 1];
  size_t end = text_.find('\n', start);
  std::string line = text_.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace migra::sql
