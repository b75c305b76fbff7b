#include "landbridge/sim/random.h"

#include <string>

#include "landbridge/core/error.h"

namespace landbridge::sim {

namespace {

// 3x3 matrices modulo m act on one component's state column (x[n-3], x[n-2], x[n-1]).
using Mat = std::array<std::array<std::uint64_t, 3>, 3>;

Mat mul(const Mat& a, const Mat& b, std::uint64_t m) {
  Mat c{};
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      std::uint64_t s = 0;
      for (int k = 0; k < 3; ++k) s += (a[i][k] * b[k][j]) % m;  // entries < 2^32: no overflow
      c[i][j] = s % m;
    }
  }
  return c;
}

Mat identity() {
  Mat i{};
  i[0][0] = i[1][1] = i[2][2] = 1;
  return i;
}

Mat power(Mat a, std::uint64_t n, std::uint64_t m) {
  Mat r = identity();
  while (n > 0) {
    if (n & 1U) r = mul(r, a, m);
    a = mul(a, a, m);
    n >>= 1U;
  }
  return r;
}

Mat square_times(Mat a, unsigned e, std::uint64_t m) {
  for (unsigned i = 0; i < e; ++i) a = mul(a, a, m);
  return a;
}

constexpr auto kM1 = static_cast<std::uint64_t>(Mrg32k3a::kM1);
constexpr auto kM2 = static_cast<std::uint64_t>(Mrg32k3a::kM2);

// One step of each component: x[n] = a2 x[n-2] + a3 x[n-3] (first), b1 x[n-1] + b3 x[n-3].
const Mat kA1 = {{{0, 1, 0}, {0, 0, 1}, {kM1 - 810728, 1403580, 0}}};
const Mat kA2 = {{{0, 1, 0}, {0, 0, 1}, {kM2 - 1370589, 0, 527612}}};

struct Jumps {
  Mat a1_76, a2_76, a1_127, a2_127;
};
const Jumps& jumps() {
  static const Jumps j{square_times(kA1, 76, kM1), square_times(kA2, 76, kM2),
                       square_times(kA1, 127, kM1), square_times(kA2, 127, kM2)};
  return j;
}

Mrg32k3a::State apply(const Mat& m1, const Mat& m2, const Mrg32k3a::State& s) {
  Mrg32k3a::State out{};
  for (int i = 0; i < 3; ++i) {
    std::uint64_t a = 0;
    std::uint64_t b = 0;
    for (int k = 0; k < 3; ++k) {
      a += (m1[i][k] * s[k]) % kM1;
      b += (m2[i][k] * s[3 + k]) % kM2;
    }
    out[i] = static_cast<std::uint32_t>(a % kM1);
    out[3 + i] = static_cast<std::uint32_t>(b % kM2);
  }
  return out;
}

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31U);
}

}  // namespace

Mrg32k3a::Mrg32k3a(const State& s) : s_(s) {
  for (int i = 0; i < 3; ++i) {
    if (s[i] >= kM1) throw Error("MRG32k3a seed: s[" + std::to_string(i) + "] must be < m1");
    if (s[3 + i] >= kM2)
      throw Error("MRG32k3a seed: s[" + std::to_string(3 + i) + "] must be < m2");
  }
  if (s[0] == 0 && s[1] == 0 && s[2] == 0) throw Error("MRG32k3a seed: s[0..2] all zero");
  if (s[3] == 0 && s[4] == 0 && s[5] == 0) throw Error("MRG32k3a seed: s[3..5] all zero");
}

void Mrg32k3a::advance(std::uint64_t n) { s_ = apply(power(kA1, n, kM1), power(kA2, n, kM2), s_); }

void Mrg32k3a::advance_pow2(unsigned e) {
  s_ = apply(square_times(kA1, e, kM1), square_times(kA2, e, kM2), s_);
}

Mrg32k3a Mrg32k3a::stream_start(const State& seed, std::uint64_t stream,
                                std::uint64_t substream) {
  Mrg32k3a g(seed);  // validates
  const Jumps& j = jumps();
  const Mat m1 = mul(power(j.a1_76, substream, kM1), power(j.a1_127, stream, kM1), kM1);
  const Mat m2 = mul(power(j.a2_76, substream, kM2), power(j.a2_127, stream, kM2), kM2);
  g.s_ = apply(m1, m2, g.s_);
  return g;
}

Mrg32k3a::State seed_from(std::uint64_t x) {
  Mrg32k3a::State s{};
  for (int i = 0; i < 3; ++i) s[i] = static_cast<std::uint32_t>(splitmix64(x) % kM1);
  for (int i = 3; i < 6; ++i) s[i] = static_cast<std::uint32_t>(splitmix64(x) % kM2);
  if (s[0] == 0 && s[1] == 0 && s[2] == 0) s[0] = 1;
  if (s[3] == 0 && s[4] == 0 && s[5] == 0) s[3] = 1;
  return s;
}

RandomStream RandomStream::named(const Mrg32k3a::State& seed, std::uint64_t replication,
                                 std::initializer_list<std::uint64_t> key) {
  // Each word is folded in through a full SplitMix64 round, so keys that differ in any word
  // (or in the order of words) start far apart.
  std::uint64_t h = 0x6c616e6462726467ULL;  // "landbrdg"
  auto fold = [&h](std::uint64_t w) {
    h ^= w;
    h = splitmix64(h);
  };
  for (const std::uint32_t x : seed) fold(x);
  fold(replication);
  fold(key.size());
  for (const std::uint64_t w : key) fold(w);
  return RandomStream(Mrg32k3a(seed_from(h)));
}

}  // namespace landbridge::sim
