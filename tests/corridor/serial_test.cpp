// A replication's bytes (corridor/serial.h): what MPI ranks send to the root must decode to
// the very same bits, or `simulate` under mpirun would not print what one process prints.
#include "landbridge/corridor/serial.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "landbridge/corridor/study.h"
#include "landbridge/io/package.h"

namespace landbridge::corridor {
namespace {

const Network& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg.network;
}

std::uint64_t bits(double v) { return std::bit_cast<std::uint64_t>(v); }
std::uint32_t bits(float v) { return std::bit_cast<std::uint32_t>(v); }

// Field by field, by bits (so NaN equals the same NaN and -0 differs from +0).
void expect_same_bits(const ReplicationResult& a, const ReplicationResult& b) {
  auto rows = [](const auto& x, const auto& y, const char* what) {
    ASSERT_EQ(x.size(), y.size()) << what;
    ASSERT_EQ(sizeof(x[0]) % sizeof(double), 0U);
    for (std::size_t i = 0; i < x.size(); ++i) {
      const auto* p = reinterpret_cast<const unsigned char*>(&x[i]);
      const auto* q = reinterpret_cast<const unsigned char*>(&y[i]);
      EXPECT_TRUE(std::equal(p, p + sizeof(x[i]), q)) << what << " row " << i;
    }
  };
  rows(a.flows, b.flows, "flows");
  rows(a.nodes, b.nodes, "nodes");
  rows(a.services, b.services, "services");
  rows(a.links, b.links, "links");
  EXPECT_EQ(bits(a.throughput_teu_per_day), bits(b.throughput_teu_per_day));
  EXPECT_EQ(bits(a.arrival_rate_per_day), bits(b.arrival_rate_per_day));
  EXPECT_EQ(bits(a.mean_in_system), bits(b.mean_in_system));
  EXPECT_EQ(bits(a.mean_time_in_system_d), bits(b.mean_time_in_system_d));
  EXPECT_EQ(bits(a.in_system_at_end), bits(b.in_system_at_end));
  EXPECT_EQ(a.events, b.events);
  auto series = [](const std::vector<std::vector<float>>& x, const std::vector<std::vector<float>>& y,
                   const char* what) {
    ASSERT_EQ(x.size(), y.size()) << what;
    for (std::size_t i = 0; i < x.size(); ++i) {
      ASSERT_EQ(x[i].size(), y[i].size()) << what << "[" << i << "]";
      for (std::size_t k = 0; k < x[i].size(); ++k) EXPECT_EQ(bits(x[i][k]), bits(y[i][k])) << what << "[" << i << "][" << k << "]";
    }
  };
  series(a.flow_transit_h, b.flow_transit_h, "flow_transit_h");
  series(a.node_queue_mean, b.node_queue_mean, "node_queue_mean");
  series(a.node_queue_max, b.node_queue_max, "node_queue_max");
}

TEST(ReplicationBytes, ARealReplicationComesBackBitForBitAndSummarisesTheSame) {
  Scenario sc = load_scenario(std::filesystem::path(LANDBRIDGE_SOURCE_DIR) / "examples/scenarios/hakata-busan-europe.toml");
  sc.horizon_days = 70;
  sc.drain_days = 60;
  const CorridorModel model(eurasia(), sc);
  std::vector<ReplicationResult> ran, decoded;
  for (std::size_t r = 0; r < 2; ++r) {
    ran.push_back(model.run(r));
    decoded.push_back(decode_replication(encode_replication(ran.back())));
    expect_same_bits(ran.back(), decoded.back());
  }
  ASSERT_FALSE(ran[0].flows.empty());
  ASSERT_FALSE(ran[0].flow_transit_h.empty());
  EXPECT_GT(ran[0].flow_transit_h[0].size(), 10U);  // the plot data travels too
  const StudyRun a{&model, ran, summarise(model, ran)};
  const StudyRun b{&model, decoded, summarise(model, decoded)};
  EXPECT_EQ(study_json(a, nullptr), study_json(b, nullptr));
}

TEST(ReplicationBytes, SpecialValuesKeepTheirExactBits) {
  ReplicationResult r;
  const double nan_payload = std::bit_cast<double>(std::uint64_t{0xFFF8'0000'0000'1234});  // negative NaN, payload
  r.flows.resize(2);
  r.flows[0].mean_h = -0.0;
  r.flows[0].p95_h = nan_payload;
  r.flows[1].max_h = std::numeric_limits<double>::infinity();
  r.flows[1].on_time = std::numeric_limits<double>::denorm_min();
  r.flows[1].in_system_at_end = 0.1;  // not a float: must not be shortened
  r.nodes.resize(1);
  r.nodes[0].queued_at_end = -std::numeric_limits<double>::max();
  r.services.resize(3);
  r.services[2].waiting_at_end = 7;
  r.links.resize(1);
  r.links[0].p95_wait_h = 1e-300;
  r.mean_time_in_system_d = std::nan("");
  r.events = std::numeric_limits<std::uint64_t>::max();
  r.flow_transit_h = {{1.5F, -0.0F, std::bit_cast<float>(std::uint32_t{0xFFC0'0001})}, {}};
  r.node_queue_mean = {{0.25F}};
  r.node_queue_max = {};
  const ReplicationResult back = decode_replication(encode_replication(r));
  expect_same_bits(r, back);
  EXPECT_EQ(bits(back.flows[0].p95_h), 0xFFF8'0000'0000'1234U);
  EXPECT_TRUE(std::signbit(back.flows[0].mean_h));
  EXPECT_EQ(back.flow_transit_h.size(), 2U);
  EXPECT_TRUE(back.flow_transit_h[1].empty());
}

TEST(ReplicationBytes, BytesThatAreNotAReplicationAreRefusedNamingTheField) {
  EXPECT_THROW((void)decode_replication("not cbor at all"), Error);
  ReplicationResult r;
  r.flows.resize(1);
  std::string bytes = encode_replication(r);
  // Cut short: CBOR itself rejects it.
  EXPECT_THROW((void)decode_replication(bytes.substr(0, bytes.size() / 2)), Error);
  // A row of the wrong size: flows' byte string shortened by one double (its length byte is
  // the one that follows the key "flows"; 80 bytes -> 72, and the 8 bytes dropped).
  const auto at = bytes.find("flows");
  ASSERT_NE(at, std::string::npos);
  const std::size_t head = at + 5;  // 0x58 (byte string, 1-byte length), then the length
  ASSERT_EQ(static_cast<unsigned char>(bytes[head]), 0x58);
  ASSERT_EQ(static_cast<unsigned char>(bytes[head + 1]), 80);
  bytes[head + 1] = static_cast<char>(72);
  bytes.erase(head + 2, 8);
  try {
    (void)decode_replication(bytes);
    FAIL() << "a short row was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("field 'flows'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace landbridge::corridor
