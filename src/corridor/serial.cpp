// ReplicationResult <-> CBOR bytes with exact doubles and floats (corridor/serial.h).
//
// nlohmann's CBOR writer stores a double as a shorter float when that loses nothing, but it
// writes every NaN as the one canonical NaN, so the numbers go into byte strings of their raw
// bits instead; CBOR is the envelope (field names, lengths).
#include "landbridge/corridor/serial.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>

#include "landbridge/core/error.h"

namespace landbridge::corridor {

namespace {

using Json = nlohmann::json;
using Bytes = Json::binary_t;

constexpr const char* kFormat = "landbridge.replication/1";

// The fields of each KPI row, in the order they are written. A field added to a row must be
// added here: the static_asserts fail until it is.
constexpr std::array kFlowFields = {&FlowKpi::boxes,   &FlowKpi::teu,         &FlowKpi::mean_h,
                                    &FlowKpi::p50_h,   &FlowKpi::p95_h,       &FlowKpi::max_h,
                                    &FlowKpi::on_time, &FlowKpi::undelivered, &FlowKpi::rerouted,
                                    &FlowKpi::in_system_at_end};
constexpr std::array kNodeFields = {&NodeKpi::cranes,     &NodeKpi::utilisation,   &NodeKpi::max_queue,
                                    &NodeKpi::mean_wait_h, &NodeKpi::p95_wait_h,   &NodeKpi::arrivals,
                                    &NodeKpi::mean_queue,  &NodeKpi::mean_service_h, &NodeKpi::queued_at_end};
constexpr std::array kServiceFields = {&ServiceKpi::departures, &ServiceKpi::load_factor, &ServiceKpi::mean_wait_h,
                                       &ServiceKpi::waiting_at_end};
constexpr std::array kLinkFields = {&LinkKpi::trains_per_day, &LinkKpi::trains, &LinkKpi::utilisation,
                                    &LinkKpi::mean_wait_h, &LinkKpi::p95_wait_h};
constexpr std::array kTotalFields = {&ReplicationResult::throughput_teu_per_day,
                                     &ReplicationResult::arrival_rate_per_day, &ReplicationResult::mean_in_system,
                                     &ReplicationResult::mean_time_in_system_d, &ReplicationResult::in_system_at_end};

static_assert(sizeof(FlowKpi) == kFlowFields.size() * sizeof(double), "FlowKpi changed: update serial.cpp");
static_assert(sizeof(NodeKpi) == kNodeFields.size() * sizeof(double), "NodeKpi changed: update serial.cpp");
static_assert(sizeof(ServiceKpi) == kServiceFields.size() * sizeof(double), "ServiceKpi changed: update serial.cpp");
static_assert(sizeof(LinkKpi) == kLinkFields.size() * sizeof(double), "LinkKpi changed: update serial.cpp");
static_assert(sizeof(ReplicationResult) ==
                  4 * sizeof(std::vector<FlowKpi>) + kTotalFields.size() * sizeof(double) + sizeof(std::uint64_t) +
                      3 * sizeof(std::vector<std::vector<float>>),
              "ReplicationResult changed: update serial.cpp");

template <class U>
void put_bits(Bytes& out, U bits) {
  for (std::size_t b = 0; b < sizeof(U); ++b) out.push_back(static_cast<std::uint8_t>(bits >> (8 * b)));
}
template <class U>
U get_bits(const Bytes& in, std::size_t at) {
  U bits = 0;
  for (std::size_t b = sizeof(U); b-- > 0;) bits = static_cast<U>((bits << 8) | in[at + b]);
  return bits;
}

void put(Bytes& out, double v) { put_bits(out, std::bit_cast<std::uint64_t>(v)); }
void put(Bytes& out, float v) { put_bits(out, std::bit_cast<std::uint32_t>(v)); }

// Rows of KPI structs, the fields of each in `fields` order.
template <class Row, std::size_t N>
Json rows_to_bytes(const std::vector<Row>& rows, const std::array<double Row::*, N>& fields) {
  Bytes out;
  out.reserve(rows.size() * N * 8);
  for (const Row& row : rows)
    for (auto f : fields) put(out, row.*f);
  return Json::binary(std::move(out));
}

Json floats_to_bytes(const std::vector<std::vector<float>>& series) {
  Json list = Json::array();
  for (const auto& s : series) {
    Bytes out;
    out.reserve(s.size() * 4);
    for (float v : s) put(out, v);
    list.push_back(Json::binary(std::move(out)));
  }
  return list;
}

[[noreturn]] void bad(const std::string& field, const std::string& what) {
  throw Error("replication bytes: field '" + field + "': " + what);
}

const Json& member(const Json& doc, const std::string& field) {
  const auto it = doc.find(field);
  if (it == doc.end()) bad(field, "missing");
  return *it;
}

const Bytes& bytes_of(const Json& j, const std::string& field) {
  if (!j.is_binary()) bad(field, "expected a byte string");
  return j.get_binary();
}

template <class Row, std::size_t N>
std::vector<Row> rows_from_bytes(const Json& doc, const std::string& field, const std::array<double Row::*, N>& fields) {
  const Bytes& in = bytes_of(member(doc, field), field);
  if (in.size() % (N * 8) != 0) bad(field, std::to_string(in.size()) + " bytes is not a whole number of rows of " + std::to_string(N) + " doubles");
  std::vector<Row> rows(in.size() / (N * 8));
  std::size_t at = 0;
  for (Row& row : rows) {
    for (auto f : fields) {
      row.*f = std::bit_cast<double>(get_bits<std::uint64_t>(in, at));
      at += 8;
    }
  }
  return rows;
}

std::vector<std::vector<float>> floats_from_bytes(const Json& doc, const std::string& field) {
  const Json& list = member(doc, field);
  if (!list.is_array()) bad(field, "expected an array");
  std::vector<std::vector<float>> series;
  series.reserve(list.size());
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string name = field + "[" + std::to_string(k) + "]";
    const Bytes& in = bytes_of(list[k], name);
    if (in.size() % 4 != 0) bad(name, std::to_string(in.size()) + " bytes is not a whole number of floats");
    std::vector<float> s(in.size() / 4);
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = std::bit_cast<float>(get_bits<std::uint32_t>(in, 4 * i));
    series.push_back(std::move(s));
  }
  return series;
}

}  // namespace

std::string encode_replication(const ReplicationResult& r, PlotSeries series) {
  Json doc;
  doc["format"] = kFormat;
  doc["flows"] = rows_to_bytes(r.flows, kFlowFields);
  doc["nodes"] = rows_to_bytes(r.nodes, kNodeFields);
  doc["services"] = rows_to_bytes(r.services, kServiceFields);
  doc["links"] = rows_to_bytes(r.links, kLinkFields);
  Bytes totals;
  for (auto f : kTotalFields) put(totals, r.*f);
  doc["totals"] = Json::binary(std::move(totals));
  doc["events"] = r.events;
  const bool keep = series == PlotSeries::keep;
  doc["flow_transit_h"] = keep ? floats_to_bytes(r.flow_transit_h) : Json::array();
  doc["node_queue_mean"] = keep ? floats_to_bytes(r.node_queue_mean) : Json::array();
  doc["node_queue_max"] = keep ? floats_to_bytes(r.node_queue_max) : Json::array();
  const std::vector<std::uint8_t> cbor = Json::to_cbor(doc);
  return {cbor.begin(), cbor.end()};
}

ReplicationResult decode_replication(const std::string& bytes) {
  Json doc;
  try {
    doc = Json::from_cbor(bytes);
  } catch (const Json::exception& e) {
    throw Error(std::string("replication bytes: not CBOR: ") + e.what());
  }
  if (!doc.is_object()) bad("", "expected a CBOR map");
  const Json& format = member(doc, "format");
  if (!format.is_string() || format.get<std::string>() != kFormat)
    bad("format", "expected '" + std::string(kFormat) + "', got " + format.dump());
  ReplicationResult r;
  r.flows = rows_from_bytes(doc, "flows", kFlowFields);
  r.nodes = rows_from_bytes(doc, "nodes", kNodeFields);
  r.services = rows_from_bytes(doc, "services", kServiceFields);
  r.links = rows_from_bytes(doc, "links", kLinkFields);
  const Bytes& totals = bytes_of(member(doc, "totals"), "totals");
  if (totals.size() != kTotalFields.size() * 8) bad("totals", "expected " + std::to_string(kTotalFields.size() * 8) + " bytes, got " + std::to_string(totals.size()));
  for (std::size_t k = 0; k < kTotalFields.size(); ++k) r.*kTotalFields[k] = std::bit_cast<double>(get_bits<std::uint64_t>(totals, 8 * k));
  const Json& events = member(doc, "events");
  if (!events.is_number_unsigned()) bad("events", "expected an unsigned integer");
  r.events = events.get<std::uint64_t>();
  r.flow_transit_h = floats_from_bytes(doc, "flow_transit_h");
  r.node_queue_mean = floats_from_bytes(doc, "node_queue_mean");
  r.node_queue_max = floats_from_bytes(doc, "node_queue_max");
  return r;
}

}  // namespace landbridge::corridor
