#include "catalog/deferred_texts.h"

#include <random>
#include <string>

#include "catalog/expression_trees.h"
#include "util/error.h"
#include "util/hash.h"

namespace migra::catalog {
namespace {

// A token is this byte, 32 hex digits and this byte again: no printed text holds it.
constexpr char kMark = '\x1f';
constexpr size_t kHexDigits = 32;
constexpr size_t kTokenSize = kHexDigits + 2;

std::string token_of(const std::string& hex) {
  std::string token;
  token.reserve(kTokenSize);
  token += kMark;
  token += hex;
  token += kMark;
  return token;
}

// Whether a token starts at `at`.
bool token_at(std::string_view text, size_t at) {
  if (at + kTokenSize > text.size() || text[at] != kMark || text[at + kTokenSize - 1] != kMark) {
    return false;
  }
  for (size_t i = at + 1; i < at + kTokenSize - 1; ++i) {
    char c = text[i];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::string DeferredTexts::shared(DeferredKind kind, std::uint32_t oid,
                                  std::string_view canonical) {
  std::string input;
  input.reserve(canonical.size() + 1);
  input += static_cast<char>(kind);
  input += canonical;
  auto token = token_of(hash_hex(input));
  entries_.try_emplace(token, Entry{kind, oid});
  return token;
}

std::string DeferredTexts::own(DeferredKind kind, std::uint32_t oid) {
  // Unique to this process (a random number), inspection (its address) and object: never
  // equal to another token, in this run or in a cache.
  static const std::string nonce = std::to_string(std::random_device{}()) + "." +
                                   std::to_string(std::random_device{}());
  Hasher h;
  h.field("own").field(nonce).field(std::to_string(reinterpret_cast<std::uintptr_t>(this)))
      .field(std::string(1, static_cast<char>(kind))).field(std::to_string(oid));
  auto token = token_of(h.hex());
  if (entries_.try_emplace(token, Entry{kind, oid, true}).second) owned_.push_back(token);
  return token;
}

TokenTexts DeferredTexts::print(pqxx::transaction_base& tx,
                                const std::vector<std::string>& tokens) const {
  TokenTexts texts;
  if (tokens.empty()) return texts;
  std::string kinds = "{";
  std::string oids = "{";
  for (size_t i = 0; i < tokens.size(); ++i) {
    auto it = entries_.find(tokens[i]);
    if (it == entries_.end()) throw Error("internal error: a deferred text of another database");
    if (i) {
      kinds += ',';
      oids += ',';
    }
    kinds += static_cast<char>(it->second.kind);
    oids += std::to_string(it->second.oid);
  }
  kinds += '}';
  oids += '}';
  const std::string sql =
      "select case k.kind when 'c' then pg_catalog.pg_get_constraintdef(k.oid) "
      "when 'i' then pg_catalog.pg_get_indexdef(k.oid) "
      "else (select pg_catalog.pg_get_expr(x.indpred, x.indrelid) from pg_catalog.pg_index x "
      "where x.indexrelid = k.oid) end "
      "from unnest($1::pg_catalog.text[], $2::pg_catalog.oid[]) with ordinality k(kind, oid, n) "
      "order by k.n";
  pqxx::result rows;
  try {
    rows = tx.exec_params(sql, kinds, oids);
  } catch (const pqxx::sql_error& e) {
    throw Error(std::string("printing definitions failed: ") + e.what())
        .with_sqlstate(e.sqlstate())
        .with_query(sql);
  }
  if (rows.size() != tokens.size()) throw Error("internal error: definitions went missing");
  constexpr std::string_view kNotValid = " NOT VALID";
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (rows[i][0].is_null()) {
      throw Error("an object changed while it was read (its definition is gone); run again");
    }
    std::string text(rows[i][0].c_str(), rows[i][0].size());
    // A token stands for a check constraint's text whether or not it is validated: the
    // model adds NOT VALID after it.
    if (entries_.at(tokens[i]).kind == DeferredKind::check && text.ends_with(kNotValid)) {
      text.resize(text.size() - kNotValid.size());
    }
    texts.emplace(tokens[i], std::move(text));
  }
  return texts;
}

bool has_user_oid(std::string_view text) {
  std::uint64_t value = 0;
  bool digits = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      value = digits ? value * 10 + static_cast<std::uint64_t>(c - '0')
                     : static_cast<std::uint64_t>(c - '0');
      digits = true;
      if (value >= static_cast<std::uint64_t>(kFirstUnstableOid)) return true;
    } else {
      digits = false;
    }
  }
  return false;
}

void add_field(std::string& canonical, std::string_view field) {
  canonical += std::to_string(field.size());
  canonical += ':';
  canonical += field;
}

bool has_token(std::string_view text) { return text.find(kMark) != std::string_view::npos; }

void collect_tokens(std::string_view text, std::vector<std::string>& out) {
  for (size_t at = text.find(kMark); at != std::string_view::npos; at = text.find(kMark, at)) {
    if (!token_at(text, at)) {
      ++at;
      continue;
    }
    out.emplace_back(text.substr(at, kTokenSize));
    at += kTokenSize;
  }
}

bool replace_tokens(std::string& text, const TokenTexts& texts) {
  size_t at = text.find(kMark);
  if (at == std::string::npos) return false;
  std::string out;
  out.reserve(text.size() + 64);
  size_t done = 0;
  bool left = false;
  while (at != std::string::npos) {
    if (!token_at(text, at)) {
      at = text.find(kMark, at + 1);
      continue;
    }
    auto it = texts.find(text.substr(at, kTokenSize));
    if (it == texts.end()) {
      left = true;
      at = text.find(kMark, at + kTokenSize);
      continue;
    }
    out.append(text, done, at - done);
    out += it->second;
    done = at + kTokenSize;
    at = text.find(kMark, done);
  }
  out.append(text, done, std::string::npos);
  text = std::move(out);
  return left;
}

}  // namespace migra::catalog
