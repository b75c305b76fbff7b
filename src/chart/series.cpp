// Chart series from itineraries: cumulative sums of the steps; JSON both ways.
#include "landbridge/chart/series.h"

#include <fmt/format.h>

#include <cmath>
#include <optional>

#include "landbridge/core/error.h"

namespace landbridge::chart {

std::string_view to_string(PointKind k) {
  switch (k) {
    case PointKind::start: return "start";
    case PointKind::leg: return "leg";
    case PointKind::node: return "node";
    case PointKind::wait: return "wait";
  }
  return "?";
}

namespace {

std::optional<PointKind> parse_point_kind(std::string_view s) {
  for (PointKind k : {PointKind::start, PointKind::leg, PointKind::node, PointKind::wait})
    if (to_string(k) == s) return k;
  return std::nullopt;
}

std::string_view code_of(const Network& net, NodeId n) {
  if (!n.valid() || n.get() >= net.node_count())
    throw Error(fmt::format("chart: itinerary refers to node #{} not in network '{}'", n.get(), net.name()));
  return net.node(n).code;
}

}  // namespace

ChartSeries series_from(const Network& net, const route::Itinerary& it) {
  if (it.steps.empty()) throw Error(fmt::format("chart: itinerary '{}' has no steps", it.label));
  ChartSeries s;
  s.label = it.label;
  s.points.reserve(it.steps.size() + 1);
  ChartPoint p;
  p.node = code_of(net, it.from);
  s.points.push_back(p);
  for (const route::Step& st : it.steps) {
    p.time += st.duration;
    p.cost += st.cost;
    p.co2e += st.co2e.wtw;
    switch (st.kind) {
      case route::StepKind::leg:
        p.kind = PointKind::leg;
        p.km += st.distance;
        p.what = to_string(st.carriage);
        p.node = code_of(net, st.to);
        break;
      case route::StepKind::node:
        p.kind = PointKind::node;
        p.what = to_string(st.op_kind);
        p.node = code_of(net, st.at);
        break;
    }
    s.points.push_back(p);
  }
  return s;
}

std::vector<ChartSeries> series_from(const Network& net, const route::RouteResult& result) {
  std::vector<ChartSeries> out;
  out.reserve(result.itineraries.size());
  for (const route::Itinerary& it : result.itineraries) out.push_back(series_from(net, it));
  return out;
}

std::string title_for(const Network& net, const route::RouteResult& result) {
  const NodeInfo& a = net.node(result.from);
  const NodeInfo& b = net.node(result.to);
  const emissions::Shipment& sh = result.options.shipment;
  return fmt::format("{} {} \u2192 {} {} \u00b7 {} {}", a.code, a.name, b.code, b.name, sh.count,
                     emissions::to_string(sh.unit));
}

void check(const ChartSeries& s) {
  const auto fail = [&](std::size_t i, std::string_view what) {
    throw Error(fmt::format("chart: series '{}', point {}: {}", s.label, i, what));
  };
  if (s.points.empty()) throw Error(fmt::format("chart: series '{}' has no points", s.label));
  const ChartPoint& o = s.points.front();
  if (o.kind != PointKind::start) fail(0, "the first point must be a start point");
  if (o.km.value() != 0.0 || o.time.value() != 0 || o.cost.value() != 0 || o.co2e.value() != 0)
    fail(0, "the start point must be at zero");
  for (std::size_t i = 1; i < s.points.size(); ++i) {
    const ChartPoint& a = s.points[i - 1];
    const ChartPoint& b = s.points[i];
    if (b.kind == PointKind::start) fail(i, "only the first point may be a start point");
    if (!std::isfinite(b.km.value())) fail(i, "distance is not a finite number");
    if (b.km < a.km) fail(i, fmt::format("distance decreases ({} km after {} km)", b.km.value(), a.km.value()));
    if (b.time < a.time) fail(i, "time decreases");
    if (b.cost < a.cost) fail(i, "cost decreases");
    if (b.co2e < a.co2e) fail(i, "CO2e decreases");
    if (b.kind != PointKind::leg && b.km != a.km)
      fail(i, fmt::format("a {} point must not gain distance", to_string(b.kind)));
  }
  if (s.band && !(Minutes(0) <= s.band->p5 && s.band->p5 <= s.band->p50 && s.band->p50 <= s.band->p95))
    throw Error(fmt::format("chart: series '{}': band: expected 0 <= P5 <= P50 <= P95", s.label));
}

nlohmann::json to_json(const std::vector<ChartSeries>& series) {
  nlohmann::json arr = nlohmann::json::array();
  for (const ChartSeries& s : series) {
    nlohmann::json pts = nlohmann::json::array();
    for (const ChartPoint& p : s.points) {
      pts.push_back({{"km", p.km.value()},
                     {"days", to_days(p.time)},
                     {"usd", to_usd(p.cost)},
                     {"co2e_kg", to_kg(p.co2e)},
                     {"kind", to_string(p.kind)},
                     {"what", p.what},
                     {"node", p.node}});
    }
    nlohmann::json js = {{"label", s.label}, {"points", std::move(pts)}};
    if (s.band)
      js["band"] = {{"p5_days", to_days(s.band->p5)}, {"p50_days", to_days(s.band->p50)}, {"p95_days", to_days(s.band->p95)}};
    arr.push_back(std::move(js));
  }
  return {{"units", {{"distance", "km"}, {"time", "days"}, {"cost", "USD"}, {"co2e", "kg"}}},
          {"series", std::move(arr)}};
}

std::vector<ChartSeries> series_from_json(const nlohmann::json& j) {
  const auto fail = [](std::string_view where, std::string_view what) -> void {
    throw Error(fmt::format("chart JSON: {}: {}", where, what));
  };
  if (!j.is_object() || !j.contains("series") || !j.at("series").is_array())
    fail("top level", "expected an object with a \"series\" array");
  std::vector<ChartSeries> out;
  const nlohmann::json& arr = j.at("series");
  for (std::size_t si = 0; si < arr.size(); ++si) {
    const nlohmann::json& js = arr[si];
    const std::string where_s = fmt::format("series {}", si);
    if (!js.is_object()) fail(where_s, "expected an object");
    if (!js.contains("label") || !js.at("label").is_string()) fail(where_s, "field \"label\": expected a string");
    if (!js.contains("points") || !js.at("points").is_array()) fail(where_s, "field \"points\": expected an array");
    ChartSeries s;
    s.label = js.at("label").get<std::string>();
    const nlohmann::json& pts = js.at("points");
    for (std::size_t pi = 0; pi < pts.size(); ++pi) {
      const nlohmann::json& jp = pts[pi];
      const std::string where = fmt::format("series {} ('{}'), point {}", si, s.label, pi);
      if (!jp.is_object()) fail(where, "expected an object");
      const auto number = [&](const char* key) {
        if (!jp.contains(key) || !jp.at(key).is_number())
          fail(where, fmt::format("field \"{}\": expected a number", key));
        const double v = jp.at(key).get<double>();
        if (!std::isfinite(v)) fail(where, fmt::format("field \"{}\": expected a finite number", key));
        return v;
      };
      const auto text = [&](const char* key) {
        if (!jp.contains(key) || !jp.at(key).is_string())
          fail(where, fmt::format("field \"{}\": expected a string", key));
        return jp.at(key).get<std::string>();
      };
      ChartPoint p;
      p.km = Kilometres(number("km"));
      p.time = Minutes(static_cast<std::int32_t>(std::llround(number("days") * 1440.0)));
      p.cost = UsdCents(std::llround(number("usd") * 100.0));
      p.co2e = GramsCo2e(std::llround(number("co2e_kg") * 1000.0));
      const std::string kind = text("kind");
      const std::optional<PointKind> k = parse_point_kind(kind);
      if (!k) fail(where, fmt::format("field \"kind\": got '{}', expected start, leg, node or wait", kind));
      p.kind = *k;
      p.what = text("what");
      p.node = text("node");
      s.points.push_back(std::move(p));
    }
    if (js.contains("band")) {
      const nlohmann::json& jb = js.at("band");
      const auto day = [&](const char* key) {
        if (!jb.is_object() || !jb.contains(key) || !jb.at(key).is_number() || !std::isfinite(jb.at(key).get<double>()))
          fail(where_s + ", band", fmt::format("field \"{}\": expected a finite number", key));
        return Minutes(static_cast<std::int32_t>(std::llround(jb.at(key).get<double>() * 1440.0)));
      };
      s.band = TimeBand{day("p5_days"), day("p50_days"), day("p95_days")};
    }
    check(s);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace landbridge::chart
