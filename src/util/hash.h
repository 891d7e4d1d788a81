#pragma once
/// Content hashes for the caches: 128-bit XXH3, fast enough to check every byte copied.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace migra {

/// Streams bytes into a 128-bit hash; hex() gives 32 lower-case hex digits.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  /// Adds bytes.
  Hasher& add(const void* data, size_t size);
  /// Adds a string followed by a separator byte, so ("ab","c") and ("a","bc") differ.
  Hasher& field(std::string_view text);
  /// The hash of everything added so far.
  [[nodiscard]] std::string hex() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The hex hash of one buffer.
std::string hash_hex(std::string_view bytes);

}  // namespace migra
