#include "landbridge/timetable/generator.h"

#include "strings.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <cmath>
#include <string>
#include <vector>

namespace landbridge::timetable {
namespace {

CarriagePattern pattern_of(Carriage c) {
  CarriagePattern p;
  p.kind = c.gauge == Gauge::none ? CarriagePattern::Kind::mode : CarriagePattern::Kind::mode_gauge;
  p.carriage = c;
  return p;
}
CarriagePattern any_pattern() { return CarriagePattern{}; }
CarriagePattern terminal_pattern() {
  CarriagePattern p;
  p.kind = CarriagePattern::Kind::terminal;
  return p;
}

}  // namespace

std::int64_t SplitMix64::uniform(std::int64_t lo, std::int64_t hi) {
  const std::uint64_t range = static_cast<std::uint64_t>(hi - lo) + 1u;
  if (range == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
  // Rejection keeps every value equally likely.
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % range;
  std::uint64_t x = next();
  while (x >= limit) x = next();
  return lo + static_cast<std::int64_t>(x % range);
}

TimetableSpec random_timetable(const RandomTimetableParams& p, std::uint64_t seed) {
  SplitMix64 rng(seed);
  TimetableSpec spec;
  spec.node_count = p.stops;
  for (std::uint32_t i = 0; i < p.stops; ++i) spec.node_names.push_back(detail::cat("S", i));
  // Horizon starts in late December so that many timetables cross the year boundary.
  const CivilDate start_day = date_of_epoch_day(epoch_day({2026, 12, 10}) + static_cast<std::int32_t>(rng.uniform(0, 20)));
  spec.horizon_start = to_instant(start_day);
  spec.horizon_length = days(static_cast<double>(p.horizon_days));
  for (double g : {8.0, 17.5, 62.0}) spec.intensity.push_back(GramsPerTonneKm(g));

  const std::vector<Carriage> all = {{Mode::feeder, Gauge::none},
                                     {Mode::rail, Gauge::g1435},
                                     {Mode::rail, Gauge::g1520},
                                     {Mode::road, Gauge::none},
                                     {Mode::deep_sea, Gauge::none}};
  const std::uint32_t n_carriages = std::clamp<std::uint32_t>(p.carriages, 1, 5);
  const auto pick_carriage = [&]() { return all[static_cast<std::size_t>(rng.uniform(0, n_carriages - 1))]; };
  const auto step = [&](std::int64_t lo_min, std::int64_t hi_min) {
    // Mostly half-hour multiples (to make ties), sometimes any minute.
    if (rng.chance(0.7)) return Minutes(static_cast<std::int32_t>(30 * rng.uniform((lo_min + 29) / 30, hi_min / 30)));
    return Minutes(static_cast<std::int32_t>(rng.uniform(lo_min, hi_min)));
  };
  const auto random_day = [&]() {
    return date_of_epoch_day(epoch_day(start_day) + static_cast<std::int32_t>(rng.uniform(-3, p.horizon_days)));
  };

  for (std::uint32_t si = 0; si < p.services; ++si) {
    Service s;
    s.id = detail::cat("V", si);
    s.operator_name = detail::cat("op", si % 3);
    s.carriage = pick_carriage();
    const auto n_calls = static_cast<std::uint32_t>(rng.uniform(2, std::max<std::uint32_t>(2, p.max_calls)));
    Minutes t(0);
    for (std::uint32_t c = 0; c < n_calls; ++c) {
      Call call;
      do {
        call.stop = NodeId(static_cast<std::uint32_t>(rng.uniform(0, p.stops - 1)));
      } while (c > 0 && call.stop == s.calls.back().stop);
      if (c > 0) {
        t += std::max(Minutes(1), step(1, 3 * 1440));
        call.distance = Kilometres(static_cast<double>(rng.uniform(0, 2000)));
      }
      call.arrival = t;
      if (c + 1 < n_calls && c > 0) t += step(0, 6 * 60);
      call.departure = t;
      s.calls.push_back(call);
    }
    const auto kind = rng.uniform(0, 9);
    if (kind < 6) {
      s.pattern.kind = PatternKind::weekly;
      s.pattern.weekdays = static_cast<WeekdaySet>(rng.uniform(1, 127));
    } else if (kind < 8) {
      s.pattern.kind = PatternKind::every_n_days;
      s.pattern.every_days = static_cast<std::int32_t>(rng.uniform(1, 10));
      s.pattern.anchor = random_day();
    } else {
      s.pattern.kind = PatternKind::when_full;
      s.pattern.anchor = random_day();
      s.pattern.headway.shape = HeadwayShape::uniform;
      s.pattern.headway.mean = step(12 * 60, 5 * 1440);
      s.pattern.headway.lo = Minutes(s.pattern.headway.mean.value() / 2);
      s.pattern.headway.hi = s.pattern.headway.mean * 2;
    }
    s.pattern.start_time = step(0, 1439);
    static constexpr std::int32_t kOffsets[] = {0, 0, 540, -330, 180};
    s.pattern.utc_offset = Minutes(kOffsets[rng.uniform(0, 4)]);
    if (rng.chance(0.3)) s.valid_from = random_day();
    if (rng.chance(0.3)) s.valid_to = random_day();
    if (s.valid_from && s.valid_to && *s.valid_to < *s.valid_from) std::swap(s.valid_from, s.valid_to);
    if (rng.chance(0.3)) s.added.push_back(random_day());
    if (rng.chance(0.3)) s.removed.push_back(random_day());
    static constexpr std::int32_t kCutoffs[] = {0, 0, 60, 360, 1440};
    s.cutoff = Minutes(kCutoffs[rng.uniform(0, 4)]);
    static constexpr std::int32_t kCapacities[] = {0, 0, 0, 1, 2, 40};
    s.capacity_teu = kCapacities[rng.uniform(0, 5)];
    s.price_teu = usd(static_cast<double>(rng.uniform(0, 20) * 50));
    s.price_feu = usd(static_cast<double>(rng.uniform(0, 20) * 80));
    // Some services state a cumulative fare at their second call (front-loaded, not pro rata),
    // so that searches meet stated fares as well as interpolated ones.
    if (si % 4 == 1 && s.calls.size() >= 3) s.calls[1].fare_teu = UsdCents(s.price_teu.value() * 3 / 4);
    s.factor = EmissionFactorId(static_cast<std::uint32_t>(rng.uniform(0, 2)));
    spec.services.push_back(s);
    // Sometimes a twin: same stops and attributes (one route), other times, maybe slower
    // (overtaking forces a second route).
    if (rng.chance(0.25) && si + 1 < p.services) {
      Service twin = s;
      twin.id = detail::cat(s.id, "b");
      twin.pattern.start_time = step(0, 1439);
      if (rng.chance(0.5))
        for (std::size_t c = 1; c < twin.calls.size(); ++c) {
          twin.calls[c].arrival += Minutes(static_cast<std::int32_t>(c) * 180);
          twin.calls[c].departure += Minutes(static_cast<std::int32_t>(c) * 180);
        }
      spec.services.push_back(twin);
      ++si;
    }
  }

  // Transfer rules: a default, some per-carriage pairs, some per stop, some forbidden.
  TransferRule def;
  def.duration = step(0, 6 * 60);
  def.cost_teu = usd(static_cast<double>(rng.uniform(0, 4) * 25));
  def.cost_feu = usd(static_cast<double>(rng.uniform(0, 4) * 40));
  def.hub_kg_co2e_per_t = static_cast<double>(rng.uniform(0, 3)) * 0.5;
  def.transshipment = true;
  TransferTable table(def);
  const auto random_rule = [&]() {
    TransferRule r;
    r.allowed = !rng.chance(0.15);
    r.duration = step(0, 2 * 1440);
    r.cost_teu = usd(static_cast<double>(rng.uniform(0, 6) * 25));
    r.cost_feu = usd(static_cast<double>(rng.uniform(0, 6) * 40));
    r.hub_kg_co2e_per_t = static_cast<double>(rng.uniform(0, 4)) * 0.25;
    r.transshipment = rng.chance(0.7);
    return r;
  };
  const auto random_pattern = [&](bool arrive) {
    const auto x = rng.uniform(0, 3);
    if (x == 0) return any_pattern();
    if (x == 1) return terminal_pattern();
    (void)arrive;
    return pattern_of(pick_carriage());
  };
  const auto n_rules = rng.uniform(2, 8);
  for (std::int64_t i = 0; i < n_rules; ++i) {
    std::optional<NodeId> at;
    if (rng.chance(0.5)) at = NodeId(static_cast<std::uint32_t>(rng.uniform(0, p.stops - 1)));
    table.add(at, random_pattern(true), random_pattern(false), random_rule());
  }
  spec.transfer = table;

  for (std::uint32_t li = 0; li < p.links; ++li) {
    UntimedLink l;
    l.id = detail::cat("L", li);
    l.from = NodeId(static_cast<std::uint32_t>(rng.uniform(0, p.stops - 1)));
    do {
      l.to = NodeId(static_cast<std::uint32_t>(rng.uniform(0, p.stops - 1)));
    } while (l.to == l.from && p.stops > 1);
    l.carriage = rng.chance(0.7) ? Carriage{Mode::road, Gauge::none} : pick_carriage();
    l.duration = step(0, 2 * 1440);
    l.cost_teu = usd(static_cast<double>(rng.uniform(0, 10) * 30));
    l.cost_feu = usd(static_cast<double>(rng.uniform(0, 10) * 45));
    l.distance = Kilometres(static_cast<double>(rng.uniform(0, 600)));
    l.factor = EmissionFactorId(2);
    if (l.from != l.to) spec.links.push_back(l);
  }
  return spec;
}

TimetableSpec synthetic_network(const SyntheticNetworkParams& p, std::uint64_t seed) {
  SplitMix64 rng(seed);
  TimetableSpec spec;
  spec.node_count = p.stops;
  spec.horizon_start = to_instant({2026, 9, 1});
  spec.horizon_length = days(static_cast<double>(p.horizon_days));
  const EmissionFactorId f_rail_eu = spec.intensity.push_back(GramsPerTonneKm(18.0));
  const EmissionFactorId f_rail_ru = spec.intensity.push_back(GramsPerTonneKm(22.0));
  const EmissionFactorId f_feeder = spec.intensity.push_back(GramsPerTonneKm(15.0));
  const EmissionFactorId f_road = spec.intensity.push_back(GramsPerTonneKm(62.0));

  // Stops on a plane, bucketed in a grid for neighbour search.
  std::vector<double> x(p.stops), y(p.stops);
  for (std::uint32_t i = 0; i < p.stops; ++i) {
    x[i] = rng.unit() * p.plane_km;
    y[i] = rng.unit() * p.plane_km;
  }
  const auto cells = static_cast<std::uint32_t>(std::max(1.0, std::sqrt(p.stops / 4.0)));
  const double cell_km = p.plane_km / cells;
  std::vector<std::vector<std::uint32_t>> grid(static_cast<std::size_t>(cells) * cells);
  const auto cell_of = [&](double v) {
    return std::min(cells - 1, static_cast<std::uint32_t>(v / cell_km));
  };
  for (std::uint32_t i = 0; i < p.stops; ++i) grid[cell_of(y[i]) * cells + cell_of(x[i])].push_back(i);
  const auto dist = [&](std::uint32_t a, std::uint32_t b) { return std::hypot(x[a] - x[b], y[a] - y[b]); };
  const std::size_t kNeighbours = std::max<std::uint32_t>(2, p.hop_neighbours);
  std::vector<std::vector<std::uint32_t>> near(p.stops);
  for (std::uint32_t i = 0; i < p.stops; ++i) {
    std::vector<std::pair<double, std::uint32_t>> cand;
    const auto cx = static_cast<std::int64_t>(cell_of(x[i])), cy = static_cast<std::int64_t>(cell_of(y[i]));
    for (std::int64_t r = 1; cand.size() < kNeighbours + 1 && r < cells + 1; ++r) {
      cand.clear();
      for (std::int64_t gy = std::max<std::int64_t>(0, cy - r); gy <= std::min<std::int64_t>(cells - 1, cy + r); ++gy)
        for (std::int64_t gx = std::max<std::int64_t>(0, cx - r); gx <= std::min<std::int64_t>(cells - 1, cx + r); ++gx)
          for (std::uint32_t j : grid[static_cast<std::size_t>(gy * cells + gx)])
            if (j != i) cand.push_back({dist(i, j), j});
    }
    std::sort(cand.begin(), cand.end());
    for (std::size_t k = 0; k < std::min(kNeighbours, cand.size()); ++k) near[i].push_back(cand[k].second);
  }

  TransferRule handling;  // any change of vehicle: a lift
  handling.duration = hours(2);
  handling.cost_teu = usd(40);
  handling.cost_feu = usd(60);
  handling.hub_kg_co2e_per_t = 0.5;
  handling.transshipment = true;
  TransferTable table(handling);
  TransferRule free_rule;  // start and end of a journey: gate-in / gate-out only
  free_rule.duration = hours(1);
  free_rule.cost_teu = usd(10);
  free_rule.cost_feu = usd(15);
  CarriagePattern start_p, end_p;
  start_p.kind = CarriagePattern::Kind::terminal;
  end_p.kind = CarriagePattern::Kind::terminal;
  table.add(std::nullopt, start_p, CarriagePattern{}, free_rule);
  table.add(std::nullopt, CarriagePattern{}, end_p, free_rule);
  TransferRule gauge = handling;
  gauge.duration = hours(8);
  gauge.cost_teu = usd(150);
  gauge.cost_feu = usd(250);
  gauge.hub_kg_co2e_per_t = 1.0;
  CarriagePattern r1435, r1520;
  r1435.kind = r1520.kind = CarriagePattern::Kind::mode_gauge;
  r1435.carriage = {Mode::rail, Gauge::g1435};
  r1520.carriage = {Mode::rail, Gauge::g1520};
  table.add(std::nullopt, r1435, r1520, gauge);
  table.add(std::nullopt, r1520, r1435, gauge);
  spec.transfer = table;

  struct ModeInfo {
    Carriage carriage;
    double kmh;
    double dwell_lo_h, dwell_hi_h;
    double price_base, price_per_km;
    Minutes cutoff;
    std::int32_t capacity;
    EmissionFactorId factor;
  };
  const auto mode_for = [&](std::uint32_t first_stop) {
    const double u = rng.unit();
    if (u < 0.6) {
      const bool east = x[first_stop] > p.plane_km / 2;
      return ModeInfo{{Mode::rail, east ? Gauge::g1520 : Gauge::g1435}, 45.0, 0.25, 2.0, 120.0, 0.45, hours(4), 90,
                      east ? f_rail_ru : f_rail_eu};
    }
    if (u < 0.85) return ModeInfo{{Mode::feeder, Gauge::none}, 28.0, 4.0, 14.0, 60.0, 0.15, hours(24), 600, f_feeder};
    return ModeInfo{{Mode::road, Gauge::none}, 60.0, 0.1, 0.5, 90.0, 1.1, hours(1), 2, f_road};
  };

  for (std::uint32_t li = 0; li < p.lines; ++li) {
    // Walk between near neighbours, keeping roughly to one heading.
    const auto len = static_cast<std::uint32_t>(rng.uniform(p.min_line_stops, p.max_line_stops));
    std::vector<std::uint32_t> seq = {static_cast<std::uint32_t>(rng.uniform(0, p.stops - 1))};
    double hx = rng.unit() - 0.5, hy = rng.unit() - 0.5;
    while (seq.size() < len) {
      const std::uint32_t cur = seq.back();
      double best = -1e300;
      std::uint32_t next = cur;
      double reach = 1e-9;
      for (std::uint32_t j : near[cur]) reach = std::max(reach, dist(cur, j));
      for (std::uint32_t j : near[cur]) {
        if (std::find(seq.begin(), seq.end(), j) != seq.end()) continue;
        const double d = dist(cur, j);
        // Keep the heading, prefer longer hops among the neighbours, with some noise.
        const double score =
            ((x[j] - x[cur]) * hx + (y[j] - y[cur]) * hy) / (d + 1e-9) + 0.6 * d / reach + 0.6 * rng.unit();
        if (score > best) {
          best = score;
          next = j;
        }
      }
      if (next == cur) break;
      hx = 0.7 * hx + 0.3 * (x[next] - x[cur]) / (dist(cur, next) + 1e-9);
      hy = 0.7 * hy + 0.3 * (y[next] - y[cur]) / (dist(cur, next) + 1e-9);
      seq.push_back(next);
    }
    if (seq.size() < 2) continue;
    const ModeInfo m = mode_for(seq.front());
    double line_km = 0.0;
    for (std::size_t i = 1; i < seq.size(); ++i) line_km += 1.2 * dist(seq[i - 1], seq[i]);
    // Frequency: several a day, daily, or two to three days a week.
    const double u = rng.unit();
    std::uint32_t per_day = 1;
    WeekdaySet days_set = kEveryDay;
    if (u < 0.12) per_day = 4;
    else if (u < 0.32) per_day = 2;
    else if (u < 0.70) per_day = 1;
    else {
      days_set = 0;
      const auto n_days = rng.uniform(2, 3);
      while (std::popcount(static_cast<unsigned>(days_set)) < n_days)
        days_set |= static_cast<WeekdaySet>(1u << rng.uniform(0, 6));
    }
    const double scale = p.trips_per_line_day / 2.6;  // the mix above averages ~2.6 trips per line-day
    for (int dir = 0; dir < 2; ++dir) {
      std::vector<std::uint32_t> stops = seq;
      if (dir == 1) std::reverse(stops.begin(), stops.end());
      Service base;
      base.carriage = m.carriage;
      base.operator_name = detail::cat("line", li);
      Minutes t(0);
      for (std::size_t i = 0; i < stops.size(); ++i) {
        Call c;
        c.stop = NodeId(stops[i]);
        if (i > 0) {
          const double km = 1.2 * dist(stops[i - 1], stops[i]);
          c.distance = Kilometres(km);
          t += Minutes(std::max<std::int32_t>(1, static_cast<std::int32_t>(std::lround(km / m.kmh * 60.0))));
        }
        c.arrival = t;
        if (i > 0 && i + 1 < stops.size())
          t += Minutes(static_cast<std::int32_t>(
              std::lround(60.0 * (m.dwell_lo_h + rng.unit() * (m.dwell_hi_h - m.dwell_lo_h)))));
        c.departure = t;
        base.calls.push_back(c);
      }
      base.cutoff = m.cutoff;
      base.capacity_teu = m.capacity;
      base.price_teu = usd(std::round(m.price_base + m.price_per_km * line_km));
      base.price_feu = usd(std::round(1.6 * (m.price_base + m.price_per_km * line_km)));
      base.factor = m.factor;
      base.pattern.weekdays = days_set;
      const auto first = Minutes(static_cast<std::int32_t>(rng.uniform(0, 1439)));
      const auto n = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::lround(per_day * scale)));
      for (std::uint32_t k = 0; k < n; ++k) {
        Service s = base;
        s.id = detail::cat("L", li, dir ? 'r' : 'f', k);
        s.pattern.start_time = Minutes((first.value() + static_cast<std::int32_t>(k * 1440 / n)) % 1440);
        spec.services.push_back(std::move(s));
      }
    }
  }

  const auto n_links = static_cast<std::uint32_t>(p.links_per_stop * p.stops);
  for (std::uint32_t li = 0; li < n_links; ++li) {
    const auto a = static_cast<std::uint32_t>(rng.uniform(0, p.stops - 1));
    if (near[a].empty()) continue;
    const std::uint32_t b = near[a][static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(near[a].size()) - 1))];
    const double km = 1.3 * dist(a, b);
    for (int dir = 0; dir < 2; ++dir) {
      UntimedLink l;
      l.id = detail::cat("R", li, dir ? 'r' : 'f');
      l.from = NodeId(dir ? b : a);
      l.to = NodeId(dir ? a : b);
      l.carriage = {Mode::road, Gauge::none};
      l.duration = Minutes(60 + static_cast<std::int32_t>(std::lround(km / 55.0 * 60.0)));
      l.cost_teu = usd(std::round(60 + 1.2 * km));
      l.cost_feu = usd(std::round(90 + 1.6 * km));
      l.distance = Kilometres(km);
      l.factor = f_road;
      spec.links.push_back(l);
    }
  }
  return spec;
}

}  // namespace landbridge::timetable
