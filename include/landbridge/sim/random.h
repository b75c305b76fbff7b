// Portable random numbers with independent streams: L'Ecuyer's MRG32k3a.
//
// MRG32k3a combines two multiple recursive generators modulo m1 = 2^32 - 209 and
// m2 = 2^32 - 22853; its period is about 2^191 and it is split, like L'Ecuyer's RngStreams
// package, into streams 2^127 steps apart, each split into substreams 2^76 steps apart.
// Every operation is exact integer arithmetic, so the numbers are the same on every
// compiler and machine.
//
// The landbridge scheme: each random variable of a model has a fixed stream number
// (arrivals 0, service 1, ...), and replication r draws from substream r of each stream.
// Two scenarios run with the same stream numbers and replication numbers therefore see the
// same random numbers wherever their models agree (common random numbers), and adding a
// random variable to a model does not shift the numbers of the others.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>

namespace landbridge::sim {

class Mrg32k3a {
 public:
  static constexpr std::int64_t kM1 = 4294967087;  // 2^32 - 209
  static constexpr std::int64_t kM2 = 4294944443;  // 2^32 - 22853
  // (x1[n-3], x1[n-2], x1[n-1], x2[n-3], x2[n-2], x2[n-1]), the order RngStreams prints.
  using State = std::array<std::uint32_t, 6>;
  static constexpr State kDefaultSeed = {12345, 12345, 12345, 12345, 12345, 12345};

  Mrg32k3a() : s_(kDefaultSeed) {}
  // Throws unless s[0..2] < m1, s[3..5] < m2 and neither triple is all zero.
  explicit Mrg32k3a(const State& s);

  // Next number in (0, 1): L'Ecuyer's U01 mapping, (x1 - x2 mod m1) / (m1 + 1), with 0
  // mapped to m1 / (m1 + 1). Never 0, never 1.
  double next_u01() {
    // x1[n] = 1403580 x1[n-2] - 810728 x1[n-3] mod m1, written with non-negative terms
    // (810728 (m1 - x1[n-3]) for the subtraction); below 2^54, so no overflow.
    std::uint64_t p1 = 1403580 * std::uint64_t{s_[1]} + 810728 * (kM1u - s_[0]);
    p1 = fold(p1, 209);  // m1 = 2^32 - 209: 2^32 = 209 (mod m1)
    if (p1 >= kM1u) p1 -= kM1u;
    // x2[n] = 527612 x2[n-1] - 1370589 x2[n-3] mod m2, likewise; below 2^54.
    std::uint64_t p2 = 527612 * std::uint64_t{s_[5]} + 1370589 * (kM2u - s_[3]);
    p2 = fold(fold(p2, 22853), 22853);  // m2 = 2^32 - 22853
    if (p2 >= kM2u) p2 -= kM2u;
    s_[0] = s_[1];
    s_[1] = s_[2];
    s_[2] = static_cast<std::uint32_t>(p1);
    s_[3] = s_[4];
    s_[4] = s_[5];
    s_[5] = static_cast<std::uint32_t>(p2);
    const auto d = static_cast<std::int64_t>(p1) - static_cast<std::int64_t>(p2);
    return static_cast<double>(d > 0 ? d : d + kM1) * kNorm;
  }

  [[nodiscard]] const State& state() const { return s_; }

  // Advances the state by n steps (by matrix powers: O(log n), not n draws).
  void advance(std::uint64_t n);
  // Advances the state by 2^e steps.
  void advance_pow2(unsigned e);

  // The start of stream `stream`, substream `substream`: seed advanced by
  // stream * 2^127 + substream * 2^76 steps.
  static Mrg32k3a stream_start(const State& seed, std::uint64_t stream, std::uint64_t substream);

 private:
  static constexpr double kNorm = 1.0 / (static_cast<double>(kM1) + 1.0);
  static constexpr auto kM1u = static_cast<std::uint64_t>(kM1);
  static constexpr auto kM2u = static_cast<std::uint64_t>(kM2);
  // x mod (2^32 - c), up to one subtraction of the modulus: hi 2^32 + lo = hi c + lo.
  static constexpr std::uint64_t fold(std::uint64_t x, std::uint64_t c) {
    return (x >> 32) * c + (x & 0xffffffffULL);
  }
  State s_;
};

// A package seed from one 64-bit number (a study's seed): a valid MRG32k3a state.
Mrg32k3a::State seed_from(std::uint64_t x);

// The random numbers of one random variable in one replication.
class RandomStream {
 public:
  // Stream `stream` (one per random variable), substream `replication`, of the family that
  // starts at `seed` (L'Ecuyer's default 12345 x 6 unless given).
  explicit RandomStream(std::uint64_t stream, std::uint64_t replication = 0,
                        const Mrg32k3a::State& seed = Mrg32k3a::kDefaultSeed)
      : g_(Mrg32k3a::stream_start(seed, stream, replication)) {}

  // A stream named by a key instead of numbered: the random variable and whose draw it is,
  // e.g. {operation, flow, box index}, in replication `replication` of the family `seed`.
  // Its start is an MRG32k3a state hashed (SplitMix64 rounds) from the seed, the replication
  // and the key words, not a jump ahead, so opening one costs about as much as a few draws
  // and a model can open one per box and operation. Different keys give unrelated starts
  // (the generator's period, about 2^191, makes overlapping draws vanishingly unlikely for
  // the few numbers each such stream gives); the same key always gives the same numbers.
  static RandomStream named(const Mrg32k3a::State& seed, std::uint64_t replication,
                            std::initializer_list<std::uint64_t> key);

  // Uniform in (0, 1).
  double u01() { return g_.next_u01(); }
  [[nodiscard]] const Mrg32k3a& generator() const { return g_; }

 private:
  explicit RandomStream(const Mrg32k3a& g) : g_(g) {}
  Mrg32k3a g_;
};

}  // namespace landbridge::sim
