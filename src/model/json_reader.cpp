#include "model/json_reader.h"

#include <algorithm>
#include <cstring>

namespace migra::model {

JsonReadError::JsonReadError(std::string before, std::string path, std::string after)
    : before_(std::move(before)), path_(std::move(path)), after_(std::move(after)) {
  prepend("");
}

void JsonReadError::within_key(std::string_view key) { prepend(std::string(key)); }

void JsonReadError::within_index(size_t index) {
  // Appended piece by piece: g++ 12 at -O2 warns (-Wrestrict, falsely) about "[" + s + "]".
  std::string step = "[";
  step += std::to_string(index);
  step += ']';
  prepend(std::move(step));
}

void JsonReadError::prepend(std::string step) {
  // "columns" + "[2]" + "name" reads "columns[2].name".
  if (!step.empty() && !path_.empty() && path_.front() != '[') step += '.';
  path_ = step + path_;
  what_ = before_;
  if (!path_.empty()) what_ += " '" + path_ + "'";
  what_ += after_;
}

namespace json_reader_detail {

namespace {

const char* type_name(element value) {
  switch (value.type()) {
    case simdjson::dom::element_type::ARRAY: return "an array";
    case simdjson::dom::element_type::OBJECT: return "an object";
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64: return "an integer";
    case simdjson::dom::element_type::DOUBLE: return "a fractional number";
    case simdjson::dom::element_type::STRING: return "a string";
    case simdjson::dom::element_type::BOOL: return "a boolean";
    case simdjson::dom::element_type::NULL_VALUE: return "null";
  }
  return "an unknown JSON value";
}

}  // namespace

void wrong_type(element value, const char* wanted) {
  throw JsonReadError("key", "", std::string(" is ") + type_name(value) + ", not " + wanted);
}

void out_of_range() { throw JsonReadError("key", "", " is out of range for its field"); }

void unknown_key(std::string_view key) { throw JsonReadError("unknown key", std::string(key), ""); }

void duplicate_key(std::string_view key) {
  throw JsonReadError("duplicate key", std::string(key), "");
}

void missing_key(std::string_view key) { throw JsonReadError("missing key", std::string(key), ""); }

}  // namespace json_reader_detail

JsonReader::JsonReader() = default;
JsonReader::~JsonReader() = default;

simdjson::dom::element JsonReader::parse(std::string_view json) {
  // simdjson reads up to SIMDJSON_PADDING bytes past the text: copy it where that is allowed.
  size_t needed = json.size() + simdjson::SIMDJSON_PADDING;
  if (needed > capacity_) {
    capacity_ = std::max(needed, 2 * capacity_);
    buffer_ = std::make_unique<char[]>(capacity_);
  }
  std::memcpy(buffer_.get(), json.data(), json.size());
  simdjson::dom::element root;
  auto error = parser_.parse(buffer_.get(), json.size(), false).get(root);
  if (error) throw JsonReadError("malformed JSON:", "", std::string(" ") + simdjson::error_message(error));
  return root;
}

}  // namespace migra::model
