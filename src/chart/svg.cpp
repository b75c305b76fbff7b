// Layout and SVG writing of the time/cost–distance chart.
//
// Everything is computed in pixels first (plan()), then written in one pass. Text extents are
// estimated from character classes (no font metrics: the font is only "sans-serif"), which
// is deterministic and errs on the wide side for DejaVu Sans / Liberation Sans.
#include "landbridge/chart/svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <optional>

#include "landbridge/chart/axis.h"
#include "landbridge/core/error.h"
#include "landbridge/core/money.h"
#include "svg_frame.h"

namespace landbridge::chart {
namespace {

using detail::kGrid;
using detail::kInk;
using detail::kLeft;
using detail::kMuted;
using detail::kRight;

constexpr double kPanelGap = 18;
constexpr double kStepWidth = 6;  // px, node-operation bars
constexpr double kCrossing = 250;  // label placement: score of a line crossing a label

// --- styles ------------------------------------------------------------------------------

enum class LegStyle : std::uint8_t { rail, sea, road, waterway, other };
constexpr int kLegStyles = 5;

LegStyle leg_style(std::string_view what) {
  const std::optional<Mode> m = parse_mode(what.substr(0, what.find(':')));
  if (!m) return LegStyle::other;
  switch (*m) {
    case Mode::rail: return LegStyle::rail;
    case Mode::road: return LegStyle::road;
    case Mode::inland_waterway: return LegStyle::waterway;
    case Mode::deep_sea:
    case Mode::feeder:
    case Mode::ferry: return LegStyle::sea;
  }
  return LegStyle::other;
}
std::string_view style_name(LegStyle s) {
  switch (s) {
    case LegStyle::rail: return "rail";
    case LegStyle::sea: return "sea";
    case LegStyle::road: return "road";
    case LegStyle::waterway: return "waterway";
    case LegStyle::other: return "other";
  }
  return "other";
}
// Extra stroke attributes of a leg style ("" for solid).
std::string_view style_dash(LegStyle s) {
  switch (s) {
    case LegStyle::sea: return R"( stroke-dasharray="9 5")";
    case LegStyle::road: return R"( stroke-dasharray="1 4" stroke-linecap="round")";
    case LegStyle::waterway: return R"( stroke-dasharray="10 4 2 4")";
    default: return "";
  }
}
std::string_view style_key_text(LegStyle s) {
  switch (s) {
    case LegStyle::rail: return "rail";
    case LegStyle::sea: return "sea (deep sea, feeder, ferry)";
    case LegStyle::road: return "road";
    case LegStyle::waterway: return "inland waterway";
    case LegStyle::other: return "other";
  }
  return "other";
}

// --- panels ------------------------------------------------------------------------------

double value(const ChartPoint& p, Panel pn) {
  switch (pn) {
    case Panel::time: return to_days(p.time);
    case Panel::cost: return to_usd(p.cost);
    case Panel::co2e: return to_kg(p.co2e);
  }
  return 0;
}
std::string_view panel_title(Panel pn) {
  switch (pn) {
    case Panel::time: return "cumulative time (days)";
    case Panel::cost: return "cumulative cost (USD)";
    case Panel::co2e: return "cumulative CO\u2082e (kg)";
  }
  return "";
}
// The height of a vertical step, for its label.
std::string format_amount(Panel pn, double v) {
  switch (pn) {
    case Panel::time:
      if (v < 2.0) return fmt::format("{:.0f} h", v * 24.0);
      return fmt::format("{:.1f} d", v);
    case Panel::cost: return format_money(usd(v));
    case Panel::co2e: return format_number(v, 0) + " kg";
  }
  return "";
}

// --- geometry ------------------------------------------------------------------------------

struct Seg {
  double x0, y0, x1, y1;
};

// Does the segment meet the box (Liang–Barsky clipping)?
bool crosses(const Seg& s, const Box& b) {
  double t0 = 0, t1 = 1;
  const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
  const std::array<double, 4> p = {-dx, dx, -dy, dy};
  const std::array<double, 4> q = {s.x0 - b.x0, b.x1 - s.x0, s.y0 - b.y0, b.y1 - s.y0};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] < 0) return false;
    } else {
      const double r = q[i] / p[i];
      if (p[i] < 0) {
        if (r > t1) return false;
        t0 = std::max(t0, r);
      } else {
        if (r < t0) return false;
        t1 = std::min(t1, r);
      }
    }
  }
  return true;
}

bool inside(const Box& b, const Box& area) {
  return b.x0 >= area.x0 && b.x1 <= area.x1 && b.y0 >= area.y0 && b.y1 <= area.y1;
}

// A vertical run of node and wait points at one node: the line rises from points[first - 1]
// to points[last].
struct Stop {
  std::size_t first = 0, last = 0;
  std::string what;  // "KZHOR gauge change + border"
};

std::vector<Stop> stops_of(const ChartSeries& s) {
  std::vector<Stop> out;
  for (std::size_t i = 1; i < s.points.size(); ++i) {
    const ChartPoint& p = s.points[i];
    if (p.kind != PointKind::node && p.kind != PointKind::wait) continue;
    std::string op = p.kind == PointKind::wait && p.what.empty() ? std::string("waiting") : p.what;
    std::replace(op.begin(), op.end(), '_', ' ');
    const bool joins = !out.empty() && out.back().last == i - 1 && s.points[i - 1].node == p.node;
    if (joins) {
      out.back().last = i;
      const std::string& w = out.back().what;
      const bool seen = w.size() >= op.size() && (w.compare(w.size() - op.size(), op.size(), op) == 0 ||
                                                  w.find(" " + op + " + ") != std::string::npos);
      if (!seen) out.back().what += " + " + op;
    } else {
      out.push_back({i, i, p.node + " " + op});
    }
  }
  return out;
}

// --- plan ----------------------------------------------------------------------------------

struct PanelPlan {
  Panel kind = Panel::time;
  Box area;
  Axis y;
};

struct Plan {
  ChartLayout layout;
  Axis x;
  std::vector<PanelPlan> panels;
  double title_y = 0, subtitle_y = 0;
  double x_labels_y = 0, x_title_y = 0;
  // legend
  double legend_row = 20;
  double col_label = 0, col_days = 0, col_usd = 0, col_kg = 0, col_km = 0;  // right edges for numbers
  double label_max_w = 0;
  std::array<bool, kLegStyles> styles_used{};
  bool has_node_steps = false, has_waits = false;

  [[nodiscard]] double px(double km) const {
    const Box& a = panels.front().area;
    return a.x0 + km / x.max * (a.x1 - a.x0);
  }
  [[nodiscard]] double py(std::size_t pi, double v) const {
    const PanelPlan& p = panels[pi];
    return p.area.y1 - v / p.y.max * (p.area.y1 - p.area.y0);
  }
};

double label_height(double fs) { return std::round(fs * 1.3); }

// What a label points at: a vertical span (a step) or a point (top == bottom) of one series.
struct Span {
  int series = 0;
  double x = 0, y_top = 0, y_bottom = 0;
};

// Greedy placement of labels within one panel, against lines and labels already placed.
class Placer {
 public:
  Placer(Box area, std::vector<Seg> segs) : area_(area), segs_(std::move(segs)) {}

  // Places a w × h box near the spans, right of them first, `gap` px away; returns the label
  // with its anchors, or nothing when every candidate overlaps a label or leaves the area.
  // Records the box and its leaders as obstacles for later labels.
  std::optional<PlacedLabel> place(const std::vector<Span>& spans, double w, double h, double gap) {
    double x_left = spans.front().x, x_right = x_left, y_top = spans.front().y_top, y_bottom = spans.front().y_bottom;
    for (const Span& sp : spans) {
      x_left = std::min(x_left, sp.x);
      x_right = std::max(x_right, sp.x);
      y_top = std::min(y_top, sp.y_top);
      y_bottom = std::max(y_bottom, sp.y_bottom);
    }
    const double ym = (spans.front().y_top + spans.front().y_bottom) / 2;
    std::optional<Box> best;
    double best_score = 0;
    const int k_max = static_cast<int>((area_.y1 - area_.y0) / (h + 2)) + 1;
    const std::array<double, 3> dxs = {gap, gap + 24, gap + 56};
    for (int side = 0; side < 2; ++side) {
      for (double dx : dxs) {
        for (int k = 0; k <= k_max; ++k) {
          for (int sign : {-1, 1}) {
            if (k == 0 && sign == 1) continue;
            const double cy = ym + sign * k * (h + 2);
            const double x0 = side == 0 ? x_right + dx : x_left - dx - w;
            const Box b{x0, cy - h / 2, x0 + w, cy + h / 2};
            if (!inside(b, area_)) continue;
            // Cheap part of the score first: skip candidates that cannot win.
            const double off = std::max(0.0, std::max(y_top - cy, cy - y_bottom));
            double score = off + 0.1 * std::abs(cy - ym) + 2.0 * (dx - gap) + (side == 1 ? 12.0 : 0.0);
            if (best && score >= best_score) continue;
            if (std::any_of(placed_.begin(), placed_.end(), [&](const Box& o) { return o.overlaps(b); })) continue;
            score += kCrossing * static_cast<double>(crossings(b, best ? best_score - score : -1));
            if (best && score >= best_score) continue;
            for (const Span& sp : spans) {
              const Seg l = leader(sp, b);
              const double len = std::hypot(l.x1 - l.x0, l.y1 - l.y0);
              if (len <= gap + 2) continue;
              score += 0.6 * len;
              for (const Seg& s : segs_) score += meets(s, l) ? 30.0 : 0.0;
              for (const Box& o : placed_) score += crosses(l, o) ? 2 * kCrossing : 0.0;
            }
            if (!best || score < best_score) {
              best = b;
              best_score = score;
            }
          }
        }
      }
    }
    if (!best) return std::nullopt;
    PlacedLabel lab;
    lab.box = *best;
    placed_.push_back(*best);
    for (const Span& sp : spans) {
      const Seg l = leader(sp, *best);
      const bool drawn = std::hypot(l.x1 - l.x0, l.y1 - l.y0) > gap + 2;
      lab.anchors.push_back({sp.series, l.x0, l.y0, drawn});
      if (drawn) segs_.push_back(l);
    }
    return lab;
  }

 private:
  // Lines crossing the box; stops counting past `enough` (when >= 0) crossings' worth of score.
  [[nodiscard]] int crossings(const Box& b, double enough) const {
    int n = 0;
    for (const Seg& s : segs_) {
      if (crosses(s, b)) ++n;
      if (enough >= 0 && kCrossing * n >= enough) break;
    }
    return n;
  }
  // From the span, level with the label where it can be, to the label's near edge.
  static Seg leader(const Span& sp, const Box& b) {
    const double cy = (b.y0 + b.y1) / 2;
    const double ay = std::clamp(cy, sp.y_top, sp.y_bottom);
    const double ex = b.x0 >= sp.x ? b.x0 : b.x1;
    return {sp.x, ay, ex, cy};
  }
  // Do two segments meet (away from the leader's own start, which lies on a line)?
  static bool meets(const Seg& s, const Seg& l) {
    const double lx = l.x1 - l.x0, ly = l.y1 - l.y0;
    const double len = std::hypot(lx, ly);
    if (len < 1e-9) return false;
    // Skip the first 3 px of the leader.
    const Seg l2{l.x0 + lx / len * 3, l.y0 + ly / len * 3, l.x1, l.y1};
    const auto orient = [](double ax, double ay, double bx, double by, double cx, double cy) {
      const double v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
      return (v > 0) - (v < 0);
    };
    const int o1 = orient(l2.x0, l2.y0, l2.x1, l2.y1, s.x0, s.y0);
    const int o2 = orient(l2.x0, l2.y0, l2.x1, l2.y1, s.x1, s.y1);
    const int o3 = orient(s.x0, s.y0, s.x1, s.y1, l2.x0, l2.y0);
    const int o4 = orient(s.x0, s.y0, s.x1, s.y1, l2.x1, l2.y1);
    return o1 * o2 < 0 && o3 * o4 < 0;
  }

  Box area_;
  std::vector<Seg> segs_;
  std::vector<Box> placed_;
};

Plan plan(const std::vector<ChartSeries>& series, const ChartOptions& opts) {
  if (series.empty()) throw Error("chart: nothing to draw (no series)");
  for (const ChartSeries& s : series) check(s);
  if (!(opts.width >= 600) || !(opts.panel_height >= 120) || !(opts.font_size >= 6))
    throw Error(fmt::format("chart: width >= 600, panel height >= 120 and font size >= 6 px expected, got {}, {}, {}",
                            opts.width, opts.panel_height, opts.font_size));
  const double fs = opts.font_size;
  Plan p;
  ChartLayout& L = p.layout;
  L.width = opts.width;
  L.panels = {Panel::time, Panel::cost};
  if (opts.co2e_panel) L.panels.push_back(Panel::co2e);

  p.title_y = 30;
  double top = 48;
  if (!opts.subtitle.empty()) {
    p.subtitle_y = 50;
    top = 68;
  }
  double max_km = 0;
  for (const ChartSeries& s : series) max_km = std::max(max_km, s.total().km.value());
  const double plot_w = opts.width - kLeft - kRight;
  p.x = make_axis(max_km, std::max(2, static_cast<int>(plot_w / 80)), 0.04);
  for (std::size_t i = 0; i < L.panels.size(); ++i) {
    PanelPlan pp;
    pp.kind = L.panels[i];
    pp.area = {kLeft, top, opts.width - kRight, top + opts.panel_height};
    double max_v = 0;
    for (const ChartSeries& s : series) {
      max_v = std::max(max_v, value(s.total(), pp.kind));
      if (s.band && pp.kind == Panel::time) max_v = std::max(max_v, to_days(s.band->p95));
    }
    pp.y = make_axis(max_v, std::max(2, static_cast<int>(opts.panel_height / 50)), 0.08);
    p.panels.push_back(pp);
    L.plot_areas.push_back(pp.area);
    top = pp.area.y1 + kPanelGap;
  }
  const double bottom = p.panels.back().area.y1;
  p.x_labels_y = bottom + fs + 6;
  p.x_title_y = bottom + 2 * fs + 16;

  // Labels, panel by panel: end markers first, then steps by height.
  const double h = label_height(fs);
  for (std::size_t pi = 0; pi < p.panels.size(); ++pi) {
    const PanelPlan& pp = p.panels[pi];
    std::vector<Seg> segs;
    for (const ChartSeries& s : series) {
      for (std::size_t i = 1; i < s.points.size(); ++i) {
        segs.push_back({p.px(s.points[i - 1].km.value()), p.py(pi, value(s.points[i - 1], pp.kind)),
                        p.px(s.points[i].km.value()), p.py(pi, value(s.points[i], pp.kind))});
      }
    }
    Placer placer(pp.area, std::move(segs));
    for (std::size_t si = 0; si < series.size(); ++si) {
      const ChartPoint& e = series[si].total();
      const double x = p.px(e.km.value()), y = p.py(pi, value(e, pp.kind));
      const std::string text = std::to_string(si + 1);
      std::optional<PlacedLabel> lab =
          placer.place({{static_cast<int>(si), x, y, y}}, estimate_text_width(text, fs) + 2, h, 4);
      if (!lab) continue;  // only possible in a crowded tiny chart; the legend still names it
      lab->panel = pp.kind;
      lab->end_marker = true;
      lab->text = text;
      L.labels.push_back(std::move(*lab));
    }
    struct Candidate {
      double height;
      int series;
      std::string text;
      Span span;
    };
    std::vector<Candidate> cands;
    for (std::size_t si = 0; si < series.size(); ++si) {
      const ChartSeries& s = series[si];
      for (const Stop& st : stops_of(s)) {
        const double lo = value(s.points[st.first - 1], pp.kind), hi = value(s.points[st.last], pp.kind);
        if (hi - lo <= 0 || hi - lo < opts.label_min_share * pp.y.max) continue;
        const Span span{static_cast<int>(si), p.px(s.points[st.last].km.value()), p.py(pi, hi), p.py(pi, lo)};
        cands.push_back({hi - lo, static_cast<int>(si), st.what + " \u00b7 " + format_amount(pp.kind, hi - lo), span});
      }
    }
    std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
      if (a.height != b.height) return a.height > b.height;
      return a.series < b.series;
    });
    // Identical steps close together (same node, operations and amount) share one label.
    constexpr double kGroupDx = 120, kGroupDy = 90;
    std::vector<bool> grouped(cands.size(), false);
    for (std::size_t i = 0; i < cands.size(); ++i) {
      if (grouped[i]) continue;
      const Candidate& c = cands[i];
      const double mid = (c.span.y_top + c.span.y_bottom) / 2;
      std::vector<Span> spans = {c.span};
      for (std::size_t j = i + 1; j < cands.size(); ++j) {
        const Candidate& d = cands[j];
        if (grouped[j] || d.text != c.text || std::abs(d.span.x - c.span.x) > kGroupDx ||
            std::abs((d.span.y_top + d.span.y_bottom) / 2 - mid) > kGroupDy)
          continue;
        grouped[j] = true;
        spans.push_back(d.span);
      }
      std::string text = c.text;
      if (spans.size() > 1) {
        std::vector<int> ids;
        for (const Span& sp : spans) ids.push_back(sp.series + 1);
        std::sort(ids.begin(), ids.end());
        text += " (";
        for (std::size_t k = 0; k < ids.size(); ++k) text += (k ? ", " : "") + std::to_string(ids[k]);
        text += ")";
      }
      std::optional<PlacedLabel> lab = placer.place(spans, estimate_text_width(text, fs), h, kStepWidth / 2 + 4);
      if (!lab) {
        L.labels_dropped += static_cast<int>(spans.size());
        continue;
      }
      lab->panel = pp.kind;
      lab->text = std::move(text);
      L.labels.push_back(std::move(*lab));
    }
  }

  // Legend: a table of series with totals, then a key of the line styles.
  for (const ChartSeries& s : series) {
    for (std::size_t i = 1; i < s.points.size(); ++i) {
      const ChartPoint& q = s.points[i];
      if (q.kind == PointKind::leg) p.styles_used[static_cast<std::size_t>(leg_style(q.what))] = true;
      if (q.kind == PointKind::node) p.has_node_steps = true;
      if (q.kind == PointKind::wait) p.has_waits = true;
    }
  }
  const double num_w = 7 * fs * 0.64;  // "100,000" and the like
  p.col_km = opts.width - kRight;
  p.col_kg = p.col_km - num_w - 16;
  p.col_usd = p.col_kg - num_w - 16;
  p.col_days = p.col_usd - 10 * fs * 0.64 - 16;  // money with cents: "100,000.00"
  p.col_label = kLeft - 40 + 26 + 42;
  p.label_max_w = p.col_days - 5 * fs * 0.64 - 16 - p.col_label;
  L.legend = {kLeft - 40, p.x_title_y + 18, opts.width - kRight,
              p.x_title_y + 18 + p.legend_row * (static_cast<double>(series.size()) + 2) + 8};
  L.height = std::ceil(L.legend.y1 + 10);
  return p;
}

// --- writing -------------------------------------------------------------------------------

using detail::Out;
using detail::write_text;

void write_panel_frame(Out o, const Plan& p, std::size_t pi, bool last, double fs) {
  const PanelPlan& pp = p.panels[pi];
  const Box& a = pp.area;
  fmt::format_to(o, "<g class=\"panel\" id=\"panel-{}\">\n",
                 pp.kind == Panel::time ? "time" : pp.kind == Panel::cost ? "cost" : "co2e");
  std::string grid;
  for (double t : p.x.ticks) fmt::format_to(std::back_inserter(grid), "M{:.1f} {:.1f}V{:.1f}", p.px(t), a.y0, a.y1);
  for (double t : pp.y.ticks) fmt::format_to(std::back_inserter(grid), "M{:.1f} {:.1f}H{:.1f}", a.x0, p.py(pi, t), a.x1);
  fmt::format_to(o, "<path class=\"grid\" d=\"{}\" stroke=\"{}\" stroke-width=\"1\" fill=\"none\"/>\n", grid, kGrid);
  detail::write_axis_line(o, a.x0, a.y0, a.y1, a.x1);
  for (double t : pp.y.ticks)
    write_text(o, a.x0 - 6, p.py(pi, t) + fs * 0.35, format_number(t, pp.y.decimals), " text-anchor=\"end\"");
  const double cy = (a.y0 + a.y1) / 2;
  fmt::format_to(o, "<text transform=\"translate({:.1f} {:.1f}) rotate(-90)\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                 a.x0 - 58, cy, kInk, xml_escape(panel_title(pp.kind)));
  if (last) {
    for (double t : p.x.ticks)
      write_text(o, p.px(t), p.x_labels_y, format_number(t, p.x.decimals), " text-anchor=\"middle\"");
    write_text(o, (a.x0 + a.x1) / 2, p.x_title_y, "cumulative distance (km)",
               fmt::format(" text-anchor=\"middle\" fill=\"{}\"", kInk));
  }
}

void write_series(Out o, const Plan& p, std::size_t pi, const ChartSeries& s, std::size_t si) {
  const Panel kind = p.panels[pi].kind;
  const std::string_view colour = series_colour(si);
  const bool second_round = si >= kSeriesColours;
  const auto X = [&](std::size_t i) { return p.px(s.points[i].km.value()); };
  const auto Y = [&](std::size_t i) { return p.py(pi, value(s.points[i], kind)); };
  fmt::format_to(o, "<g class=\"series\" data-series=\"{}\" stroke=\"{}\" fill=\"none\" stroke-linejoin=\"round\">\n",
                 si + 1, colour);
  std::string d;
  for (std::size_t i = 0; i < s.points.size(); ++i)
    fmt::format_to(std::back_inserter(d), "{}{:.1f} {:.1f}", i == 0 ? "M" : "L", X(i), Y(i));
  fmt::format_to(o, "<path class=\"line\" stroke-width=\"1.2\" d=\"{}\"/>\n", d);
  // Legs grouped by style: consecutive legs of one style form one sub-path.
  for (int st = 0; st < kLegStyles; ++st) {
    std::string ld;
    bool open = false;
    for (std::size_t i = 1; i < s.points.size(); ++i) {
      const ChartPoint& q = s.points[i];
      const bool mine = q.kind == PointKind::leg && static_cast<int>(leg_style(q.what)) == st;
      if (!mine) {
        open = false;
        continue;
      }
      if (!open) fmt::format_to(std::back_inserter(ld), "M{:.1f} {:.1f}", X(i - 1), Y(i - 1));
      fmt::format_to(std::back_inserter(ld), "L{:.1f} {:.1f}", X(i), Y(i));
      open = true;
    }
    if (ld.empty()) continue;
    const LegStyle ls = static_cast<LegStyle>(st);
    fmt::format_to(o, "<path class=\"legs {}\" stroke-width=\"{}\"{} d=\"{}\"/>\n", style_name(ls),
                   second_round ? "1.8" : "2.6", style_dash(ls), ld);
  }
  // Vertical steps: node operations as bars, waits as hatched bars.
  for (PointKind k : {PointKind::node, PointKind::wait}) {
    std::string sd;
    for (std::size_t i = 1; i < s.points.size(); ++i) {
      if (s.points[i].kind != k || Y(i) == Y(i - 1)) continue;
      fmt::format_to(std::back_inserter(sd), "M{:.1f} {:.1f}V{:.1f}", X(i), Y(i - 1), Y(i));
    }
    if (sd.empty()) continue;
    fmt::format_to(o, "<path class=\"{}\" stroke-width=\"{:.0f}\"{} d=\"{}\"/>\n", k == PointKind::node ? "steps" : "waits",
                   kStepWidth, k == PointKind::wait ? " stroke-dasharray=\"2 2\"" : "", sd);
  }
  // The simulated P5-P95 band at the end of the line, P50 as a tick across it.
  if (s.band && kind == Panel::time) {
    const double x = X(s.points.size() - 1);
    const double y5 = p.py(pi, to_days(s.band->p5)), y50 = p.py(pi, to_days(s.band->p50));
    const double y95 = p.py(pi, to_days(s.band->p95));
    fmt::format_to(o,
                   "<path class=\"band\" stroke-width=\"7\" stroke-opacity=\"0.35\" d=\"M{:.1f} {:.1f}V{:.1f}\"/>\n"
                   "<path class=\"band-p50\" stroke-width=\"2\" d=\"M{:.1f} {:.1f}H{:.1f}\"/>\n",
                   x, y5, y95, x - 6, y50, x + 6);
  }
  fmt::format_to(o, "</g>\n");
}

void write_labels(Out o, const Plan& p, Panel kind, double fs) {
  const ChartLayout& L = p.layout;
  fmt::format_to(o, "<g class=\"labels\">\n");
  for (const PlacedLabel& l : L.labels) {
    if (l.panel != kind) continue;
    const double cy = (l.box.y0 + l.box.y1) / 2;
    for (const PlacedLabel::Anchor& a : l.anchors) {
      if (!a.leader) continue;
      const double ex = l.box.x0 >= a.x ? l.box.x0 : l.box.x1;
      fmt::format_to(o, "<path class=\"leader\" d=\"M{:.1f} {:.1f}L{:.1f} {:.1f}\" stroke=\"{}\" stroke-width=\"0.8\"/>\n",
                     a.x, a.y, ex, cy, series_colour(static_cast<std::size_t>(a.series)));
    }
  }
  for (const PlacedLabel& l : L.labels) {
    if (l.panel != kind) continue;
    const double baseline = (l.box.y0 + l.box.y1) / 2 + fs * 0.35;
    const std::string_view colour =
        l.end_marker ? series_colour(static_cast<std::size_t>(l.anchors.front().series)) : kInk;
    fmt::format_to(o,
                   "<text class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" fill=\"{}\"{}{}>{}</text>\n",
                   l.end_marker ? "end" : "step", l.box.x0 + (l.end_marker ? 1 : 0), baseline, colour,
                   l.end_marker ? " font-weight=\"bold\"" : "", detail::kHalo, xml_escape(l.text));
  }
  fmt::format_to(o, "</g>\n");
}

void write_legend(Out o, const Plan& p, const std::vector<ChartSeries>& series, double fs) {
  const Box& g = p.layout.legend;
  fmt::format_to(o, "<g class=\"legend\">\n");
  double y = g.y0 + p.legend_row * 0.7;
  const std::string head = fmt::format(" text-anchor=\"end\" fill=\"{}\"", kMuted);
  write_text(o, p.col_label, y, "itinerary", fmt::format(" fill=\"{}\"", kMuted));
  write_text(o, p.col_days, y, "days", head);
  write_text(o, p.col_usd, y, "USD", head);
  write_text(o, p.col_kg, y, "kg CO\u2082e", head);
  write_text(o, p.col_km, y, "km", head);
  for (std::size_t si = 0; si < series.size(); ++si) {
    y += p.legend_row;
    const std::string_view colour = series_colour(si);
    const ChartPoint& t = series[si].total();
    write_text(o, g.x0, y, std::to_string(si + 1), fmt::format(" font-weight=\"bold\" fill=\"{}\"", colour));
    fmt::format_to(o, "<path class=\"swatch\" d=\"M{:.1f} {:.1f}h36\" stroke=\"{}\" stroke-width=\"3\"/>\n", g.x0 + 24,
                   y - fs * 0.35, colour);
    write_text(o, p.col_label, y, fit_text_width(series[si].label, fs, p.label_max_w), fmt::format(" class=\"name\" fill=\"{}\"", kInk));
    const std::string num = fmt::format(" text-anchor=\"end\" fill=\"{}\"", kInk);
    write_text(o, p.col_days, y, format_number(to_days(t.time), 1), num);
    write_text(o, p.col_usd, y, format_money_amount(t.cost), num);
    write_text(o, p.col_kg, y, format_number(to_kg(t.co2e), 0), num);
    write_text(o, p.col_km, y, format_number(t.km.value(), 0), num);
  }
  // Key to the styles that occur.
  y += p.legend_row + 4;
  double x = g.x0;
  const std::string key_attrs = fmt::format(" fill=\"{}\"", kMuted);
  for (int st = 0; st < kLegStyles; ++st) {
    if (!p.styles_used[static_cast<std::size_t>(st)]) continue;
    const LegStyle ls = static_cast<LegStyle>(st);
    fmt::format_to(o, "<path class=\"key\" d=\"M{:.1f} {:.1f}h30\" stroke=\"{}\" stroke-width=\"2.6\"{}/>\n", x,
                   y - fs * 0.35, kMuted, style_dash(ls));
    write_text(o, x + 36, y, style_key_text(ls), key_attrs);
    x += 36 + estimate_text_width(style_key_text(ls), fs) + 18;
  }
  const auto bar = [&](bool wait, std::string_view text) {
    fmt::format_to(o, "<path class=\"key\" d=\"M{:.1f} {:.1f}V{:.1f}\" stroke=\"{}\" stroke-width=\"{:.0f}\"{}/>\n", x + 4,
                   y + 2, y - fs - 2, kMuted, kStepWidth, wait ? " stroke-dasharray=\"2 2\"" : "");
    write_text(o, x + 14, y, text, key_attrs);
    x += 14 + estimate_text_width(text, fs) + 18;
  };
  if (p.has_node_steps) bar(false, "node operation (no distance gained)");
  if (p.has_waits) bar(true, "waiting");
  fmt::format_to(o, "</g>\n");
}

}  // namespace

ChartLayout layout_chart(const std::vector<ChartSeries>& series, const ChartOptions& opts) {
  return plan(series, opts).layout;
}

std::string render_svg(const std::vector<ChartSeries>& series, const ChartOptions& opts) {
  const Plan p = plan(series, opts);
  const ChartLayout& L = p.layout;
  const double fs = opts.font_size;
  const std::string title = opts.title.empty() ? std::string("Time/cost\u2013distance chart") : opts.title;
  std::string out;
  out.reserve(64 * 1024);
  Out o(out);
  detail::write_svg_open(o, L.width, L.height, fs, title);
  fmt::format_to(o,
                 "<desc>UN ESCAP time/cost\u2013distance chart: {} itinerar{}; x = cumulative distance, y = cumulative "
                 "time, cost{}; vertical steps are node operations.{}</desc>\n",
                 series.size(), series.size() == 1 ? "y" : "ies", opts.co2e_panel ? ", CO2e" : "",
                 L.labels_dropped > 0 ? fmt::format(" {} step label(s) left out for lack of room.", L.labels_dropped) : "");
  // Title and subtitle written whole (0: not cut to the width).
  detail::write_headings(o, title, opts.subtitle, p.title_y, p.subtitle_y, fs, 0);
  for (std::size_t pi = 0; pi < p.panels.size(); ++pi) {
    write_panel_frame(o, p, pi, pi + 1 == p.panels.size(), fs);
    // Series 1 last, on top.
    for (std::size_t k = series.size(); k-- > 0;) write_series(o, p, pi, series[k], k);
    write_labels(o, p, p.panels[pi].kind, fs);
    fmt::format_to(o, "</g>\n");
  }
  write_legend(o, p, series, fs);
  fmt::format_to(o, "</svg>\n");
  return out;
}

}  // namespace landbridge::chart
