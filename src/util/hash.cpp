#include "util/hash.h"

#include <xxhash.h>

#include <cstdio>
#include <new>

namespace migra {

struct Hasher::State {
  XXH3_state_t* xxh = XXH3_createState();
  ~State() { XXH3_freeState(xxh); }
};

Hasher::Hasher() : state_(std::make_unique<State>()) {
  if (!state_->xxh) throw std::bad_alloc();
  XXH3_128bits_reset(state_->xxh);
}

Hasher::~Hasher() = default;

Hasher& Hasher::add(const void* data, size_t size) {
  XXH3_128bits_update(state_->xxh, data, size);
  return *this;
}

Hasher& Hasher::field(std::string_view text) {
  add(text.data(), text.size());
  const char separator = '\0';
  return add(&separator, 1);
}

namespace {

std::string to_hex(XXH128_hash_t h) {
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return out;
}

}  // namespace

std::string Hasher::hex() const { return to_hex(XXH3_128bits_digest(state_->xxh)); }

std::string hash_hex(std::string_view bytes) {
  // One call, no state to allocate: this hashes thousands of short texts per inspection.
  return to_hex(XXH3_128bits(bytes.data(), bytes.size()));
}

}  // namespace migra
