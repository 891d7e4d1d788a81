#include "source/loaded_source.h"

#include <algorithm>
#include <future>
#include <unordered_map>
#include <unordered_set>

#include "catalog/deferred_texts.h"
#include "source/connection.h"
#include "util/error.h"
#include "util/timing.h"

namespace migra::source {
namespace {

using catalog::TokenTexts;

// The text fields of objects with the same key on both sides whose strings differ and hold
// a token: those must be printed before the diff compares them.
struct Unsettled {
  std::vector<std::string*> from;
  std::vector<std::string*> to;

  void add(std::string& a, std::string& b) {
    if (a == b || (!catalog::has_token(a) && !catalog::has_token(b))) return;
    from.push_back(&a);
    to.push_back(&b);
  }
};

template <typename T, typename Fields>
void pair_up(std::vector<T>& from, std::vector<T>& to, Fields fields) {
  std::unordered_map<std::string, T*> by_key;
  by_key.reserve(to.size());
  for (auto& b : to) by_key.emplace(b.key(), &b);
  for (auto& a : from) {
    auto it = by_key.find(a.key());
    if (it != by_key.end()) fields(a, *it->second);
  }
}

// The diff reads the texts of what uses an enum that changes (for the labels it names):
// those are printed on either side, whatever the other side holds.
void add_users_of_changed_enums(model::Model& from, model::Model& to, Unsettled& out) {
  std::unordered_set<std::string> changed;
  std::unordered_map<std::string, const model::EnumType*> to_enums;
  for (const auto& e : to.enums) to_enums.emplace(e.key(), &e);
  for (const auto& e : from.enums) {
    auto it = to_enums.find(e.key());
    if (it == to_enums.end() || !(*it->second == e)) changed.insert(e.key());
    if (it != to_enums.end()) to_enums.erase(it);
  }
  for (const auto& [key, e] : to_enums) changed.insert(key);
  if (changed.empty()) return;
  auto uses_changed = [&](const std::vector<std::string>& depends_on) {
    return std::any_of(depends_on.begin(), depends_on.end(),
                       [&](const std::string& k) { return changed.count(k) != 0; });
  };
  auto add = [](std::string& text, std::vector<std::string*>& texts) {
    if (catalog::has_token(text)) texts.push_back(&text);
  };
  auto add_users = [&](model::Model& m, std::vector<std::string*>& texts) {
    for (auto& c : m.constraints) {
      if (uses_changed(c.depends_on)) add(c.definition, texts);
    }
    for (auto& x : m.indexes) {
      if (!uses_changed(x.depends_on)) continue;
      add(x.definition, texts);
      if (x.predicate) add(*x.predicate, texts);
    }
  };
  add_users(from, out.from);
  add_users(to, out.to);
}

// Sorted, each once.
void sort_unique(std::vector<std::string>& tokens) {
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
}

std::vector<std::string> unique_tokens(const std::vector<std::string*>& texts) {
  std::vector<std::string> tokens;
  for (const auto* text : texts) catalog::collect_tokens(*text, tokens);
  sort_unique(tokens);
  return tokens;
}

TokenTexts print_on(LoadedSource& source, std::vector<std::string> tokens) {
  // Only the source's own tokens: a printed text may hold something shaped like one.
  if (!source.live) return {};
  std::erase_if(tokens, [&](const std::string& t) { return !source.live->has(t); });
  if (tokens.empty()) return {};
  return source.live->print(tokens);
}

// Prints each side's tokens on its own connection, both at once.
std::pair<TokenTexts, TokenTexts> print_both(LoadedSource& from,
                                             const std::vector<std::string>& from_tokens,
                                             LoadedSource& to,
                                             const std::vector<std::string>& to_tokens) {
  PhaseTimer timer("print definitions");
  if (from_tokens.empty()) return {{}, print_on(to, to_tokens)};
  if (to_tokens.empty()) return {print_on(from, from_tokens), {}};
  auto from_texts = std::async(std::launch::async, [&] { return print_on(from, from_tokens); });
  auto to_texts = print_on(to, to_tokens);
  return {from_texts.get(), std::move(to_texts)};
}

}  // namespace

LoadedSource load_for_diff(const SourceSpec& source, const catalog::InspectOptions& options,
                           const std::string& scratch_setting) {
  LoadedSource out;
  if (source.kind == SourceKind::database) {
    out.live = std::make_unique<catalog::Inspection>(connect(source.text), options, out.model);
  } else if (source.kind == SourceKind::models) {
    out.model = load_model_files(find_model_files(source.text), options, scratch_setting,
                                 &out.known);
  } else {
    out.model = load_model(source, options, scratch_setting);
  }
  return out;
}

void settle_texts(LoadedSource& from, LoadedSource& to) {
  // A token stands for the same text wherever it was made.
  if (from.live && !to.known.empty()) catalog::replace_model_tokens(from.model, to.known);
  if (to.live && !from.known.empty()) catalog::replace_model_tokens(to.model, from.known);
  Unsettled unsettled;
  pair_up(from.model.constraints, to.model.constraints,
          [&](model::Constraint& a, model::Constraint& b) {
            unsettled.add(a.definition, b.definition);
          });
  pair_up(from.model.indexes, to.model.indexes,
          [&](model::Index& a, model::Index& b) {
            unsettled.add(a.definition, b.definition);
            if (a.predicate && b.predicate) unsettled.add(*a.predicate, *b.predicate);
          });
  add_users_of_changed_enums(from.model, to.model, unsettled);
  if (unsettled.from.empty() && unsettled.to.empty()) return;
  // Only these fields: the same token elsewhere may still equal the other side's.
  auto [from_texts, to_texts] =
      print_both(from, unique_tokens(unsettled.from), to, unique_tokens(unsettled.to));
  for (auto* text : unsettled.from) catalog::replace_tokens(*text, from_texts);
  for (auto* text : unsettled.to) catalog::replace_tokens(*text, to_texts);
}

void print_texts(plan::Plan& plan, LoadedSource& from, LoadedSource& to) {
  std::vector<std::string> tokens;
  for (const auto& s : plan.statements) catalog::collect_tokens(s.sql, tokens);
  if (tokens.empty()) return;
  sort_unique(tokens);
  // A token both sides made stands for the same text on both: the target prints it.
  std::vector<std::string> of_from;
  std::vector<std::string> of_to;
  // Every token made is one side's; text merely shaped like one (a constant) stays.
  for (auto& token : tokens) {
    if (to.live && to.live->has(token)) {
      of_to.push_back(std::move(token));
    } else if (from.live && from.live->has(token)) {
      of_from.push_back(std::move(token));
    }
  }
  if (of_from.empty() && of_to.empty()) return;
  auto [from_texts, to_texts] = print_both(from, of_from, to, of_to);
  from_texts.merge(to_texts);
  for (auto& s : plan.statements) catalog::replace_tokens(s.sql, from_texts);
}

}  // namespace migra::source
