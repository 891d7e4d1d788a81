#pragma once
/// Names to numbers without storing the names: an open-addressing hash table of
/// (hash, number) pairs, eight bytes a slot. The caller keeps the text and tells the table
/// how to read it back: text_of(number) is the name stored under that number.
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include <xxhash.h>

namespace migra {

/// The hash table; see the file comment.
class NameTable {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  /// Room for `expected` names without growing.
  void reserve(size_t expected) {
    size_t want = expected + expected / 2 + 8;  // at most two thirds full
    if (want <= slots_.size()) return;
    auto old = std::move(slots_);
    slots_.assign(want, Slot{});
    for (const auto& s : old) {
      if (s.value != kNone) slots_[free_slot(s.hash)] = s;
    }
  }

  /// The number stored for name, or kNone.
  template <typename TextOf>
  [[nodiscard]] std::uint32_t find(std::string_view name, TextOf text_of) const {
    if (slots_.empty()) return kNone;
    auto hash = hash_of(name);
    for (size_t i = home(hash);; i = i + 1 == slots_.size() ? 0 : i + 1) {
      const auto& s = slots_[i];
      if (s.value == kNone) return kNone;
      if (s.hash == hash && text_of(s.value) == name) return s.value;
    }
  }

  /// The number stored for name and false; or, when name is new, stores `value` for it
  /// and returns it and true (text_of is not asked for `value`).
  template <typename TextOf>
  std::pair<std::uint32_t, bool> find_or_insert(std::string_view name, std::uint32_t value,
                                                TextOf text_of) {
    if ((used_ + 1) * 3 > slots_.size() * 2) reserve((used_ + 1) * 2);
    auto hash = hash_of(name);
    for (size_t i = home(hash);; i = i + 1 == slots_.size() ? 0 : i + 1) {
      auto& s = slots_[i];
      if (s.value == kNone) {
        s = {hash, value};
        ++used_;
        return {value, true};
      }
      if (s.hash == hash && text_of(s.value) == name) return {s.value, false};
    }
  }

  /// Stores a number for a name that is not in the table yet.
  void insert(std::string_view name, std::uint32_t value) {
    if ((used_ + 1) * 3 > slots_.size() * 2) reserve((used_ + 1) * 2);
    auto hash = hash_of(name);
    slots_[free_slot(hash)] = {hash, value};
    ++used_;
  }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t value = kNone;
  };
  static std::uint32_t hash_of(std::string_view name) {
    return static_cast<std::uint32_t>(XXH3_64bits(name.data(), name.size()));
  }
  // Any table size: the hash scaled to it (no power of two needed).
  [[nodiscard]] size_t home(std::uint32_t hash) const {
    return static_cast<size_t>((static_cast<std::uint64_t>(hash) * slots_.size()) >> 32);
  }
  size_t free_slot(std::uint32_t hash) const {
    size_t i = home(hash);
    while (slots_[i].value != kNone) i = i + 1 == slots_.size() ? 0 : i + 1;
    return i;
  }

  std::vector<Slot> slots_;
  size_t used_ = 0;
};

}  // namespace migra
