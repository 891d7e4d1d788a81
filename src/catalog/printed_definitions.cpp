#include "catalog/printed_definitions.h"

#include <algorithm>

namespace migra::catalog {
namespace {

void append_list(std::string& out, const IdentifierQuoter& quote,
                 const std::vector<std::string>& names) {
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    quote.append(out, names[i]);
  }
}

// " INCLUDE (a, b)", or nothing without include columns.
void append_include(std::string& out, const IdentifierQuoter& quote,
                    const std::vector<std::string>& include) {
  if (include.empty()) return;
  out += " INCLUDE (";
  append_list(out, quote, include);
  out += ')';
}

}  // namespace

IdentifierQuoter::IdentifierQuoter(std::vector<std::string> keywords)
    : keywords_(std::move(keywords)) {
  std::sort(keywords_.begin(), keywords_.end());
}

void IdentifierQuoter::append(std::string& out, std::string_view name) const {
  bool safe = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    safe = safe && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (safe && std::binary_search(keywords_.begin(), keywords_.end(), name)) safe = false;
  if (safe) {
    out += name;
    return;
  }
  out += '"';
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string IdentifierQuoter::operator()(std::string_view name) const {
  std::string out;
  append(out, name);
  return out;
}

std::string index_definition(const IdentifierQuoter& quote, bool unique, std::string_view name,
                             std::string_view schema, std::string_view table,
                             std::string_view method, bool ordered,
                             const std::vector<IndexKey>& keys,
                             const std::vector<std::string>& include, bool nulls_not_distinct,
                             const std::string* predicate) {
  std::string out = unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ";
  quote.append(out, name);
  out += " ON ";
  quote.append(out, schema);
  out += '.';
  quote.append(out, table);
  out += " USING ";
  quote.append(out, method);
  out += " (";
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i) out += ", ";
    quote.append(out, keys[i].name);
    if (!ordered) continue;
    if (keys[i].options & 1) {
      out += " DESC";
      if (!(keys[i].options & 2)) out += " NULLS LAST";
    } else if (keys[i].options & 2) {
      out += " NULLS FIRST";
    }
  }
  out += ')';
  append_include(out, quote, include);
  if (nulls_not_distinct) out += " NULLS NOT DISTINCT";
  if (predicate) {
    out += " WHERE ";
    out += *predicate;
  }
  return out;
}

std::string unique_constraint_definition(const IdentifierQuoter& quote, bool primary_key,
                                         const std::vector<std::string>& columns,
                                         const std::vector<std::string>& include,
                                         bool nulls_not_distinct, bool deferrable,
                                         bool deferred) {
  std::string out = primary_key ? "PRIMARY KEY (" : nulls_not_distinct
                                                       ? "UNIQUE NULLS NOT DISTINCT ("
                                                       : "UNIQUE (";
  append_list(out, quote, columns);
  out += ')';
  append_include(out, quote, include);
  if (deferrable) out += " DEFERRABLE";
  if (deferred) out += " INITIALLY DEFERRED";
  return out;
}

std::string foreign_key_definition(const IdentifierQuoter& quote, const ForeignKeyText& fk) {
  auto action = [](char code) -> const char* {
    switch (code) {
      case 'r': return "RESTRICT";
      case 'c': return "CASCADE";
      case 'n': return "SET NULL";
      case 'd': return "SET DEFAULT";
      default: return nullptr;  // no action, the default, is not printed
    }
  };
  std::string out = "FOREIGN KEY (";
  append_list(out, quote, fk.columns);
  out += ") REFERENCES ";
  if (!fk.visible) {
    quote.append(out, fk.referenced_schema);
    out += '.';
  }
  quote.append(out, fk.referenced_table);
  out += '(';
  append_list(out, quote, fk.referenced_columns);
  out += ')';
  if (fk.match == 'f') out += " MATCH FULL";
  if (fk.match == 'p') out += " MATCH PARTIAL";
  if (const char* a = action(fk.update_action)) {
    out += " ON UPDATE ";
    out += a;
  }
  if (const char* a = action(fk.delete_action)) {
    out += " ON DELETE ";
    out += a;
  }
  if (!fk.delete_set_columns.empty()) {
    out += " (";
    append_list(out, quote, fk.delete_set_columns);
    out += ')';
  }
  if (fk.deferrable) out += " DEFERRABLE";
  if (fk.deferred) out += " INITIALLY DEFERRED";
  if (!fk.validated) out += " NOT VALID";
  return out;
}

}  // namespace migra::catalog
