#pragma once
/// Texts an inspection leaves for later: printing a check constraint or an index predicate
/// makes the server open the table, most of what reading one costs on a large catalog, yet
/// a diff only needs the texts of the objects it changes. Such a text is read as a token:
/// a short string standing for it, equal on two databases exactly when what the server
/// prints it from is (see canonical_tree), in a session whose settings for printing
/// constants are fixed. Tokens are printed (replaced by their texts) before anything is
/// shown or run. Two equal trees can still print differently where a user's object changes
/// how a built-in one is named (a function of the same name that makes the server qualify
/// the built-in, a user's default operator class for a built-in type): then they mean the
/// same all the same, and the diff treats them as unchanged. Texts are printed later than
/// the rows are read (in the same snapshot, but PostgreSQL's printing functions read the
/// current catalog): a column renamed meanwhile shows in the text.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pqxx/pqxx>

namespace migra::catalog {

/// What a token stands for.
enum class DeferredKind : char {
  check = 'c',      ///< pg_get_constraintdef without " NOT VALID"
  predicate = 'p',  ///< pg_get_expr of an index's predicate
  index = 'i',      ///< pg_get_indexdef
};

/// Printed texts by token.
using TokenTexts = std::unordered_map<std::string, std::string>;

/// The tokens one inspection made, and what each stands for.
class DeferredTexts {
 public:
  /// The token for the text of `kind` of the object `oid`, whose printed text depends only
  /// on `canonical` (with what it includes): equal on every database where that is equal.
  std::string shared(DeferredKind kind, std::uint32_t oid, std::string_view canonical);
  /// A token standing for this object's text alone, to be printed before the inspection
  /// ends (its text may depend on more than what was read).
  std::string own(DeferredKind kind, std::uint32_t oid);

  /// Whether this inspection made the token.
  [[nodiscard]] bool has(const std::string& token) const { return entries_.count(token) != 0; }
  /// The tokens made by own().
  [[nodiscard]] const std::vector<std::string>& owned() const { return owned_; }
  /// Whether own() made the token (it stands for one object's text only).
  [[nodiscard]] bool owns(const std::string& token) const {
    auto it = entries_.find(token);
    return it != entries_.end() && it->second.own;
  }

  /// Prints the texts of these tokens (all made here) in one query.
  [[nodiscard]] TokenTexts print(pqxx::transaction_base& tx,
                                 const std::vector<std::string>& tokens) const;

 private:
  struct Entry {
    DeferredKind kind;
    std::uint32_t oid;
    bool own = false;
  };
  std::unordered_map<std::string, Entry> entries_;
  std::vector<std::string> owned_;
};

/// Whether the text holds a number from kFirstUnstableOid on, which could be the oid of an
/// object numbered by the cluster or the user.
bool has_user_oid(std::string_view text);
/// Adds a field to a token's canonical text so that no field can run into the next.
void add_field(std::string& canonical, std::string_view field);

/// Whether the text holds a token.
bool has_token(std::string_view text);
/// Adds the tokens in the text to `out`.
void collect_tokens(std::string_view text, std::vector<std::string>& out);
/// Replaces the tokens in the text that `texts` has; returns whether any is left.
bool replace_tokens(std::string& text, const TokenTexts& texts);

}  // namespace migra::catalog
