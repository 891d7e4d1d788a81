#include "util/error.h"

namespace migra {

std::string SourceLocation::str() const {
  std::string s = file;
  if (line > 0) {
    s += ":" + std::to_string(line);
    if (column > 0) s += ":" + std::to_string(column);
  }
  return s;
}

Error::Error(std::string message, std::string hint)
    : std::runtime_error(std::move(message)), hint_(std::move(hint)) {}

}  // namespace migra
