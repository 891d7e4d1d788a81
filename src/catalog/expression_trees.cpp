#include "catalog/expression_trees.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <vector>

namespace migra::catalog {
namespace {

// Types whose constants print by looking up a name (or could hold such a value): reg*,
// their arrays, aclitem (role names), and records.
constexpr std::array<std::int64_t, 26> kNamePrintingTypes = {
    24,   1008,  // regproc
    2202, 2207,  // regprocedure
    2203, 2208,  // regoper
    2204, 2209,  // regoperator
    2205, 2210,  // regclass
    2206, 2211,  // regtype
    3734, 3735,  // regconfig
    3769, 3770,  // regdictionary
    4089, 4090,  // regnamespace
    4096, 4097,  // regrole
    4191, 4192,  // regcollation
    1033, 1034,  // aclitem
    2249, 2287,  // record
};

// Splits a node tree into tokens as PostgreSQL's pg_strtok does: ( ) { } alone, otherwise
// up to white space or one of those, a backslash taking the next character along.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  std::optional<std::string_view> next() {
    while (at_ < text_.size() && (text_[at_] == ' ' || text_[at_] == '\n' || text_[at_] == '\t')) {
      ++at_;
    }
    if (at_ >= text_.size()) return std::nullopt;
    size_t start = at_;
    char c = text_[at_];
    if (c == '(' || c == ')' || c == '{' || c == '}') {
      ++at_;
      return text_.substr(start, 1);
    }
    while (at_ < text_.size()) {
      c = text_[at_];
      if (c == ' ' || c == '\n' || c == '\t' || c == '(' || c == ')' || c == '{' || c == '}') {
        break;
      }
      at_ += (c == '\\' && at_ + 1 < text_.size()) ? 2 : 1;
    }
    return text_.substr(start, at_ - start);
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
};

std::optional<std::int64_t> number(std::string_view token) {
  if (token.empty()) return std::nullopt;
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (error != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return value;
}

// Fields whose numbers are no oids however large: type modifiers (numeric(12,2) is
// 786438), a constant's length, a parameter's number.
bool exempt_field(std::string_view field) {
  std::string lower(field);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.ends_with("typmod") || lower == ":constlen" || lower == ":constvalue" ||
         lower == ":paramid";
}

// Fields that hold a type's oid.
bool type_field(std::string_view field) {
  static constexpr std::array<std::string_view, 13> kFields = {
      ":vartype",       ":consttype",      ":resulttype", ":opresulttype", ":funcresulttype",
      ":typeId",        ":paramtype",      ":array_typeid", ":element_typeid", ":casetype",
      ":minmaxtype",    ":coalescetype",   ":row_typeid"};
  return std::find(kFields.begin(), kFields.end(), field) != kFields.end();
}

class Canonicalizer {
 public:
  Canonicalizer(std::string_view tree, const ColumnNamer& column, const UserObjects& user)
      : tokens_(tree), column_(column), user_(user) {}

  std::optional<std::string> run() {
    out_.reserve(256);
    while (auto token = tokens_.next()) {
      if (!take(*token)) return std::nullopt;
    }
    return std::move(out_);
  }

 private:
  void emit(std::string_view token) {
    if (!out_.empty()) out_ += ' ';
    out_ += token;
  }

  // A field's value: as it is, or an unstable oid by name if `user` knows it (false if not).
  bool take_value(std::string_view field, std::string_view value) {
    auto n = number(value);
    if (!n || *n < kFirstUnstableOid || exempt_field(field)) {
      emit(value);
      return true;
    }
    const std::string* name = type_field(field) && user_.type ? user_.type(*n) : nullptr;
    if (!name) return false;
    emit("type:" + *name);
    return true;
  }

  // A constant's value: bytes, or for an enum its label (the label's oid, by value).
  bool take_datum() {
    std::vector<std::string_view> bytes;
    for (auto t = tokens_.next();; t = tokens_.next()) {
      if (!t) return false;
      if (*t == "]") break;
      bytes.push_back(*t);
    }
    const std::string* label = nullptr;
    if (user_.enum_label && const_type_ >= kFirstUnstableOid) {
      // Little-endian: the oid in the first four of the Datum's bytes, each printed as a
      // (signed) char.
      std::uint64_t oid = 0;
      for (size_t i = bytes.size(); i-- > 0;) {
        auto b = number(bytes[i]);
        if (!b || *b < -128 || *b > 255) return false;
        oid = (oid << 8) | (static_cast<std::uint64_t>(*b) & 0xFF);
      }
      // Only a constant of an enum type that is known holds a label.
      label = user_.enum_label(const_type_, static_cast<std::int64_t>(oid));
      if (!label) return false;
    }
    emit("[");
    if (label) {
      emit("label:" + std::to_string(label->size()) + ":" + *label);
    } else {
      for (auto b : bytes) emit(b);
    }
    emit("]");
    return true;
  }

  // One token outside a VAR node; false when the tree is not comparable.
  bool take(std::string_view token) {
    if (token == "[") return take_datum();
    if (token == ":location") {
      tokens_.next();  // its value
      return true;
    }
    if (token == "{") {
      auto name = tokens_.next();
      if (!name) return false;
      if (*name == "VAR") return take_var();
      emit(token);
      emit(*name);
      return true;
    }
    if (token.front() == ':') {
      field_ = token;
      emit(token);
      return true;
    }
    if (field_ == ":consttype") {
      auto value = number(token).value_or(0);
      if (std::find(kNamePrintingTypes.begin(), kNamePrintingTypes.end(), value) !=
          kNamePrintingTypes.end()) {
        return false;
      }
      const_type_ = value;
    }
    return take_value(field_, token);
  }

  // A VAR node up to its closing brace: kept with its column named, if it is a user column
  // of the expression's table.
  bool take_var() {
    std::vector<std::pair<std::string_view, std::string>> fields;
    for (;;) {
      auto token = tokens_.next();
      if (!token) return false;
      if (*token == "}") break;
      if (token->front() != ':') return false;
      auto value = tokens_.next();
      if (!value) return false;
      std::string text(*value);
      if (*value == "(") {  // a list (varnullingrels on newer servers)
        for (auto t = tokens_.next();; t = tokens_.next()) {
          if (!t) return false;
          text += ' ';
          text += *t;
          if (*t == ")") break;
        }
      }
      fields.emplace_back(*token, std::move(text));
    }
    auto get = [&](std::string_view name) -> const std::string* {
      for (const auto& [field, value] : fields) {
        if (field == name) return &value;
      }
      return nullptr;
    };
    auto is = [&](std::string_view name, std::initializer_list<std::string_view> allowed) {
      const auto* value = get(name);
      return !value || std::find(allowed.begin(), allowed.end(), *value) != allowed.end();
    };
    const auto* varno = get(":varno");
    const auto* varattno = get(":varattno");
    if (!varno || *varno != "1" || !varattno || !is(":varlevelsup", {"0"})) return false;
    auto attnum = number(*varattno);
    if (!attnum || *attnum <= 0 || *attnum > 32767) return false;
    // The syntactic referent (what is printed, on servers from 13) is the same column.
    if (!is(":varnosyn", {"0", "1"}) || !is(":varattnosyn", {"0", *varattno}) ||
        !is(":varnoold", {"0", "1"}) || !is(":varoattno", {"0", *varattno})) {
      return false;
    }
    const std::string* name = column_(static_cast<int>(*attnum));
    if (!name) return false;
    emit("{VAR");
    // Length first: no name can run into the next field.
    emit(std::to_string(name->size()) + ":" + *name);
    for (const auto& [field, value] : fields) {
      if (field == ":varno" || field == ":varattno" || field == ":varnosyn" ||
          field == ":varattnosyn" || field == ":varnoold" || field == ":varoattno" ||
          field == ":location") {
        continue;
      }
      emit(field);
      if (!take_value(field, value)) return false;
    }
    emit("}");
    return true;
  }

  Tokenizer tokens_;
  const ColumnNamer& column_;
  const UserObjects& user_;
  std::string out_;
  std::string_view field_;
  std::int64_t const_type_ = 0;  // of the constant being read
};

}  // namespace

std::optional<std::string> canonical_tree(std::string_view tree, const ColumnNamer& column,
                                          const UserObjects& user) {
  return Canonicalizer(tree, column, user).run();
}

}  // namespace migra::catalog
