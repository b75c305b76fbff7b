// SplitMix64: a tiny portable generator for seeded test networks, benchmark inputs and other
// draws that must be the same on every compiler and machine. (Simulation models use the
// stream-splitting MRG32k3a in sim/random.h instead.)
#pragma once

#include <cstdint>
#include <limits>

namespace landbridge {

class SplitMix64 {
 public:
  explicit constexpr SplitMix64(std::uint64_t seed) : s_(seed) {}

  constexpr std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n), n > 0, by rejection (no modulo bias).
  constexpr std::uint32_t below(std::uint32_t n) {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    for (;;) {
      const std::uint64_t x = next();
      if (x < limit) return static_cast<std::uint32_t>(x % n);
    }
  }
  // Integer in [lo, hi] by one draw modulo the span (bias below 2^-40 for test-sized spans).
  constexpr std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % (static_cast<std::uint64_t>(hi - lo) + 1));
  }
  // True with probability percent / 100.
  constexpr bool chance(int percent) { return between(0, 99) < percent; }

 private:
  std::uint64_t s_;
};

}  // namespace landbridge
