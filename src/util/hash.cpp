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

std::string Hasher::hex() const {
  XXH128_hash_t h = XXH3_128bits_digest(state_->xxh);
  char out[33];
  std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return out;
}

std::string hash_hex(std::string_view bytes) {
  Hasher h;
  h.add(bytes.data(), bytes.size());
  return h.hex();
}

}  // namespace migra
