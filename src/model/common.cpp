#include "model/common.h"

namespace migra::model {

namespace {

// Keys are built millions of times on large schemas: append in place, no temporaries.
void append_quoted(std::string& out, const std::string& name) {
  out += '"';
  if (name.find('"') == std::string::npos) {
    out += name;
  } else {
    for (char c : name) {
      if (c == '"') out += '"';
      out += c;
    }
  }
  out += '"';
}

}  // namespace

std::string quote_ident(const std::string& name) {
  std::string out;
  out.reserve(name.size() + 2);
  append_quoted(out, name);
  return out;
}

std::string qualified(const std::string& schema, const std::string& name) {
  std::string out;
  out.reserve(schema.size() + name.size() + 5);
  append_quoted(out, schema);
  out += '.';
  append_quoted(out, name);
  return out;
}

std::string qualified(const std::string& schema, const std::string& relation,
                      const std::string& name) {
  std::string out;
  out.reserve(schema.size() + relation.size() + name.size() + 8);
  append_quoted(out, schema);
  out += '.';
  append_quoted(out, relation);
  out += '.';
  append_quoted(out, name);
  return out;
}

std::string quote_literal(const std::string& text) {
  bool backslash = text.find('\\') != std::string::npos;
  std::string out = backslash ? "E'" : "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace migra::model
