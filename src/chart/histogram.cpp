// Binning and SVG writing of sample histograms.
//
// Everything is placed in pixels first (Layout), then written in one pass, like svg.cpp; text
// extents are estimated (estimate_text_width), so the output does not depend on fonts.
#include "landbridge/chart/histogram.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

#include "landbridge/chart/axis.h"
#include "landbridge/chart/svg_text.h"
#include "landbridge/core/error.h"
#include "svg_frame.h"

namespace landbridge::chart {

double nearest_rank(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) throw Error("nearest_rank: no values");
  if (!(p >= 0 && p <= 1)) throw Error(fmt::format("nearest_rank: p must be in [0, 1], got {}", p));
  const auto n = static_cast<double>(sorted.size());
  // Tolerate p·n landing a hair above a whole number (0.07 × 100 = 7.000000000000001).
  const double rank = std::ceil(p * n - 1e-9);
  const auto k = static_cast<std::size_t>(std::clamp(rank, 1.0, n));
  return sorted[k - 1];
}

namespace {

using detail::kInk;
using detail::kLeft;
using detail::kMuted;
using detail::kRight;

// The smallest {1, 2, 5} × 10^k at or above h (> 0).
double nice_ceil(double h) {
  double step = std::pow(10.0, std::floor(std::log10(h)) - 1);
  for (;;) {
    for (double m : {1.0, 2.0, 5.0}) {
      if (m * step >= h * (1 - 1e-12)) return m * step;
    }
    step *= 10;
  }
}

long long bin_count(double lo, double hi, double w) {
  return static_cast<long long>(std::floor(hi / w + 1e-9) - std::floor(lo / w + 1e-9)) + 1;
}

enum class Marker : std::uint8_t { mean, p50, p95 };
constexpr std::array<Marker, 3> kMarkers = {Marker::mean, Marker::p50, Marker::p95};
const char* marker_class(Marker m) {
  switch (m) {
    case Marker::mean:
      return "mean";
    case Marker::p50:
      return "p50";
    case Marker::p95:
      return "p95";
  }
  return "";
}
const char* marker_name(Marker m) {
  switch (m) {
    case Marker::mean:
      return "mean";
    case Marker::p50:
      return "P50";
    case Marker::p95:
      return "P95";
  }
  return "";
}
const char* marker_dash(Marker m) {
  switch (m) {
    case Marker::mean:
      return R"( stroke-dasharray="7 4")";
    case Marker::p50:
      return "";
    case Marker::p95:
      return R"( stroke-dasharray="2 3")";
  }
  return "";
}
const char* marker_key(Marker m) {
  switch (m) {
    case Marker::mean:
      return "mean";
    case Marker::p50:
      return "P50 (median)";
    case Marker::p95:
      return "P95 (nearest rank)";
  }
  return "";
}
double marker_value(const SetStats& s, Marker m) {
  switch (m) {
    case Marker::mean:
      return s.mean;
    case Marker::p50:
      return s.p50;
    case Marker::p95:
      return s.p95;
  }
  return 0;
}

void check_spec(const HistogramSpec& spec) {
  if (spec.sets.empty()) throw Error("histogram: nothing to draw (no sample sets)");
  if (!(spec.scale > 0) || !std::isfinite(spec.scale))
    throw Error(fmt::format("histogram: scale must be > 0, got {}", spec.scale));
  if (!(spec.bin_width >= 0) || !std::isfinite(spec.bin_width))
    throw Error(
        fmt::format("histogram: bin width must be >= 0 (0 = chosen), got {}", spec.bin_width));
  if (spec.max_bins < 1)
    throw Error(fmt::format("histogram: max_bins must be >= 1, got {}", spec.max_bins));
  for (std::size_t s = 0; s < spec.sets.size(); ++s) {
    const std::vector<double>& v = spec.sets[s].values;
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!std::isfinite(v[i]) || !std::isfinite(v[i] * spec.scale))
        throw Error(fmt::format("histogram: set {} (\"{}\"), value {}: not a finite number ({})",
                                s + 1, spec.sets[s].label, i, v[i]));
    }
  }
}

// The Freedman–Diaconis width of one sorted sample (range / √n without an interquartile
// spread); 0 for fewer than two distinct values.
double fd_width(const std::vector<double>& sorted) {
  if (sorted.size() < 2 || sorted.front() == sorted.back()) return 0;
  const double n = static_cast<double>(sorted.size());
  const double iqr = nearest_rank(sorted, 0.75) - nearest_rank(sorted, 0.25);
  return iqr > 0 ? 2 * iqr / std::cbrt(n) : (sorted.back() - sorted.front()) / std::sqrt(n);
}

// The bin width: the narrowest of the sets' widths, so that each set keeps its shape when a
// far-away set widens the pooled spread; the pooled sample's width when every set is constant.
double choose_width(const std::vector<std::vector<double>>& sets, const std::vector<double>& pooled,
                    int max_bins) {
  const double lo = pooled.front(), hi = pooled.back();
  double w = 0;
  for (const std::vector<double>& s : sets) {
    const double ws = fd_width(s);
    if (ws > 0 && (w == 0 || ws < w)) w = ws;
  }
  if (w == 0) w = fd_width(pooled);
  if (w > 0) {
    w = nice_ceil(w);
  } else {  // all values equal
    w = lo == 0 ? 1.0 : std::pow(10.0, std::floor(std::log10(std::fabs(lo))) - 1);
  }
  while (bin_count(lo, hi, w) > max_bins) w = nice_ceil(w * 1.5);  // the next 1-2-5 number
  return w;
}

}  // namespace

Histogram bin_samples(const HistogramSpec& spec) {
  check_spec(spec);
  Histogram h;
  std::vector<std::vector<double>> shown(spec.sets.size());
  std::vector<double> pooled;
  for (std::size_t s = 0; s < spec.sets.size(); ++s) {
    for (double v : spec.sets[s].values) shown[s].push_back(v * spec.scale);
    std::sort(shown[s].begin(), shown[s].end());
    pooled.insert(pooled.end(), shown[s].begin(), shown[s].end());
    SetStats st;
    st.n = shown[s].size();
    if (st.n > 0) {
      // Sum in sorted order (deterministic, and small values first).
      st.mean = std::accumulate(shown[s].begin(), shown[s].end(), 0.0) / static_cast<double>(st.n);
      st.p50 = nearest_rank(shown[s], 0.5);
      st.p95 = nearest_rank(shown[s], 0.95);
      st.min = shown[s].front();
      st.max = shown[s].back();
    }
    h.stats.push_back(st);
  }
  h.counts.assign(spec.sets.size(), {});
  if (pooled.empty()) return h;
  std::sort(pooled.begin(), pooled.end());
  const double lo = pooled.front(), hi = pooled.back();
  h.bin_width = spec.bin_width > 0 ? spec.bin_width : choose_width(shown, pooled, spec.max_bins);
  const long long bins = bin_count(lo, hi, h.bin_width);
  if (bins > 100000)
    throw Error(fmt::format("histogram: bin width {} gives {} bins over [{}, {}]", h.bin_width,
                            bins, lo, hi));
  const double first = std::floor(lo / h.bin_width + 1e-9) * h.bin_width;
  for (long long k = 0; k <= bins; ++k)
    h.edges.push_back(first + static_cast<double>(k) * h.bin_width);
  // The rounding tolerance above may leave the extreme values a hair outside; widen by a bin.
  if (h.edges.front() > lo) h.edges.insert(h.edges.begin(), h.edges.front() - h.bin_width);
  if (h.edges.back() <= hi) h.edges.push_back(h.edges.back() + h.bin_width);
  const std::size_t nb = h.edges.size() - 1;
  for (std::size_t s = 0; s < spec.sets.size(); ++s) {
    h.counts[s].assign(nb, 0);
    for (double x : shown[s]) {
      const double f = std::floor((x - h.edges.front()) / h.bin_width);
      auto k = static_cast<std::size_t>(std::clamp(f, 0.0, static_cast<double>(nb - 1)));
      // The edges decide, not the division's rounding: edges[k] <= x < edges[k + 1].
      while (k + 1 < nb && x >= h.edges[k + 1]) ++k;
      while (k > 0 && x < h.edges[k]) --k;
      ++h.counts[s][k];
    }
  }
  return h;
}

namespace {

using detail::Out;
using detail::write_text;

struct MarkerLabel {
  std::size_t set = 0;
  Marker kind = Marker::mean;
  double x = 0;           // the marker's x
  double x0 = 0, x1 = 0;  // the label's extent
  int row = 0;
  std::string text;
};

// The y axis starts at 0 (make_axis), so PlotLayout::py is v / y.max of the plot height.
struct Layout : detail::PlotLayout {
  // Whether the bin width goes below the marker key (a narrow chart), and its text.
  bool key_wrap = false;
  std::string bins_text;
  int value_decimals = 1;
  std::vector<MarkerLabel> labels;

  [[nodiscard]] double label_baseline(int row, double fs) const {
    return band_top + (static_cast<double>(row) + 1) * row_h - fs * 0.3;
  }
};

double bar_value(const Histogram& h, std::size_t s, std::size_t k, bool percent) {
  const double c = h.counts[s][k];
  if (!percent) return c;
  return h.stats[s].n == 0 ? 0 : 100.0 * c / static_cast<double>(h.stats[s].n);
}

Layout plan(const HistogramSpec& spec, const Histogram& h) {
  if (!(spec.width >= 480) || !(spec.plot_height >= 120) || !(spec.font_size >= 6))
    throw Error(
        fmt::format("histogram: width >= 480, plot height >= 120 and font size >= 6 px expected, "
                    "got {}, {}, {}",
                    spec.width, spec.plot_height, spec.font_size));
  const double fs = spec.font_size;
  Layout L;
  L.start(spec.width, fs);
  const double top = spec.subtitle.empty() ? 48 : 68;
  const int x_ticks = std::max(2, static_cast<int>((L.x1 - L.x0) / 80));
  if (h.edges.empty()) {
    L.x = make_axis(0, x_ticks, 0);
  } else {
    // A few bins (constant data, a handful of values) get room around them, not the whole width.
    const double bins = static_cast<double>(h.edges.size() - 1);
    const double pad = bins < 10 ? (10 - bins) / 2 * h.bin_width : 0;
    L.x = make_axis_between(h.edges.front() - pad, h.edges.back() + pad, x_ticks);
  }
  double y_max = 0;
  for (std::size_t s = 0; s < h.counts.size(); ++s)
    for (std::size_t k = 0; k < h.counts[s].size(); ++k)
      y_max = std::max(y_max, bar_value(h, s, k, spec.percent));
  L.y = make_axis(y_max, std::max(2, static_cast<int>(spec.plot_height / 50)), 0.08);
  if (!spec.percent && L.y.step < 1) {  // counts are whole: no ticks at 0.2
    L.y.step = 1;
    L.y.decimals = 0;
    L.y.ticks.clear();
    for (double t = 0; t <= L.y.max + 1e-9; t += 1) L.y.ticks.push_back(t);
  }
  L.value_decimals = std::min(3, L.x.decimals + 1);

  // Marker labels: left to right, each in the lowest row where it overlaps nothing.
  std::vector<MarkerLabel> labels;
  for (std::size_t s = 0; s < h.stats.size(); ++s) {
    if (h.stats[s].n == 0 || !spec.markers) continue;
    // Markers of one set that show the same figure share one label ("P50, P95 240.0").
    std::vector<std::pair<std::string, std::string>> texts;  // figure, names
    for (Marker m : kMarkers) {
      const std::string v = format_number(marker_value(h.stats[s], m), L.value_decimals);
      auto it =
          std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.first == v; });
      MarkerLabel ml;
      ml.set = s;
      ml.kind = m;
      ml.x = L.px(marker_value(h.stats[s], m));
      if (it != texts.end()) {
        it->second += std::string(", ") + marker_name(m);
        ml.text.clear();  // drawn, but labelled by the first marker with this figure
        ml.row = -1;
      } else {
        texts.emplace_back(v, marker_name(m));
      }
      labels.push_back(std::move(ml));
    }
    for (MarkerLabel& ml : labels) {
      if (ml.set != s || ml.row < 0) continue;
      const std::string v = format_number(marker_value(h.stats[s], ml.kind), L.value_decimals);
      const auto it =
          std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.first == v; });
      ml.text = it->second + " " + v;
      const double w = estimate_text_width(ml.text, fs);
      ml.x0 = std::clamp(ml.x - w / 2, L.x0 - 20, L.x1 + kRight - 4 - w);
      ml.x1 = ml.x0 + w;
    }
  }
  std::stable_sort(labels.begin(), labels.end(),
                   [](const MarkerLabel& a, const MarkerLabel& b) { return a.x < b.x; });
  const int rows = detail::pack_label_rows(labels);
  // Row 0 is nearest the plot.
  for (MarkerLabel& ml : labels) ml.row = ml.row < 0 ? -1 : rows - 1 - ml.row;
  L.labels = std::move(labels);
  L.place_plot(top, rows, spec.plot_height, fs);

  // Legend text: names in a column, figures after them, or below them when they do not fit.
  const double lx = kLeft - 40, right = spec.width - 8;
  for (const SampleSet& s : spec.sets)
    L.label_w = std::max(L.label_w, estimate_text_width(s.label, fs));
  L.label_w = std::min(L.label_w, right - lx - 24);
  const std::string unit = spec.unit.empty() ? "" : " " + spec.unit;
  double fig_w = 0;
  for (const SetStats& st : h.stats) {
    const int d = L.value_decimals;
    L.figures.push_back(
        st.n == 0 ? std::string("n = 0 (no values)")
                  : fmt::format("n = {} \u00b7 mean {} \u00b7 P50 {} \u00b7 P95 {} \u00b7 max {}{}",
                                format_number(static_cast<double>(st.n), 0),
                                format_number(st.mean, d), format_number(st.p50, d),
                                format_number(st.p95, d), format_number(st.max, d), unit));
    fig_w = std::max(fig_w, estimate_text_width(L.figures.back(), fs));
  }
  L.wrap = lx + 24 + L.label_w + 16 + fig_w > right;
  if (!L.wrap) L.label_w = std::min(L.label_w, right - lx - 24 - 16 - fig_w);
  if (!h.edges.empty())
    L.bins_text = fmt::format("bins of {}{}",
                              format_number(h.bin_width, std::min(6, L.x.decimals + 2)), unit);
  double key_w = 0;
  if (spec.markers)
    for (Marker m : kMarkers) key_w += 32 + estimate_text_width(marker_key(m), fs) + 18;
  L.key_wrap = key_w > 0 && lx + key_w + estimate_text_width(L.bins_text, fs) > right;
  const double entry_h = L.wrap ? 2 * L.legend_row - 4 : L.legend_row;
  const double key_rows = (key_w > 0 || !L.bins_text.empty() ? 1 : 0) + (L.key_wrap ? 1 : 0);
  L.height = std::ceil(L.legend_y + entry_h * static_cast<double>(spec.sets.size()) +
                       L.legend_row * key_rows + 14);
  return L;
}

std::string axis_title(const std::string& title, const std::string& unit) {
  return unit.empty() ? title : fmt::format("{} ({})", title, unit);
}

}  // namespace

std::string render_histogram(const HistogramSpec& spec) {
  const Histogram h = bin_samples(spec);
  const Layout L = plan(spec, h);
  const double fs = spec.font_size;
  const std::size_t nsets = spec.sets.size();
  const HistogramStyle style =
      spec.style != HistogramStyle::automatic ? spec.style : HistogramStyle::bars;
  const bool overlay = nsets > 1;
  const bool outlines =
      spec.style == HistogramStyle::outline || (spec.style == HistogramStyle::automatic && overlay);
  const std::string title = spec.title.empty() ? std::string("Histogram") : spec.title;
  const std::string y_title = !spec.y_title.empty() ? spec.y_title
                              : spec.percent        ? "share of set (%)"
                                                    : "count";

  std::string out;
  out.reserve(32 * 1024);
  Out o(out);
  detail::write_svg_open(o, L.width, L.height, fs, title);
  std::size_t total = 0;
  for (const SetStats& s : h.stats) total += s.n;
  fmt::format_to(
      o, "<desc>{}</desc>\n",
      xml_escape(fmt::format(
          "Histogram of {}: {} set{}, {} value{}, {} bin{} of {} {}; markers at mean, P50 "
          "and P95 (nearest rank) per set.",
          axis_title(spec.x_title, spec.unit), nsets, nsets == 1 ? "" : "s", total,
          total == 1 ? "" : "s", h.edges.empty() ? 0 : h.edges.size() - 1,
          h.edges.size() == 2 ? "" : "s", format_number(h.bin_width, 6), spec.unit)));
  detail::write_headings(o, title, spec.subtitle, L.title_y, L.subtitle_y, fs, L.width);

  // Frame: grid, ticks, titles.
  detail::write_plot_frame(o, L, axis_title(spec.x_title, spec.unit), y_title, fs);
  if (h.edges.empty())
    write_text(o, (L.x0 + L.x1) / 2, (L.y0 + L.y1) / 2, "no values",
               fmt::format(" class=\"empty\" text-anchor=\"middle\" fill=\"{}\"", kMuted));

  // Bars and outlines; set 1 last, on top.
  for (std::size_t s = nsets; s-- > 0;) {
    if (h.stats[s].n == 0) continue;
    const std::string_view colour = series_colour(s);
    fmt::format_to(o, "<g class=\"set\" data-set=\"{}\">\n", s + 1);
    if (style == HistogramStyle::bars) {
      const double opacity = overlay ? 0.30 : 0.75;
      for (std::size_t k = 0; k + 1 < h.edges.size(); ++k) {
        if (h.counts[s][k] == 0) continue;
        const double xa = L.px(h.edges[k]), xb = L.px(h.edges[k + 1]);
        const double top = L.py(bar_value(h, s, k, spec.percent));
        fmt::format_to(
            o,
            "<rect class=\"bar\" data-set=\"{}\" data-bin=\"{}\" data-count=\"{}\" x=\"{:.2f}\" "
            "y=\"{:.2f}\" "
            "width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\" fill-opacity=\"{:.2f}\"{}/>\n",
            s + 1, k, h.counts[s][k], xa, top, xb - xa, L.y1 - top, colour, opacity,
            overlay ? "" : " stroke=\"#ffffff\" stroke-width=\"0.8\"");
      }
    }
    if (outlines) {
      std::string d = fmt::format("M{:.2f} {:.2f}", L.px(h.edges.front()), L.y1);
      for (std::size_t k = 0; k + 1 < h.edges.size(); ++k)
        fmt::format_to(std::back_inserter(d), "V{:.2f}H{:.2f}",
                       L.py(bar_value(h, s, k, spec.percent)), L.px(h.edges[k + 1]));
      fmt::format_to(std::back_inserter(d), "V{:.2f}", L.y1);
      fmt::format_to(o,
                     "<path class=\"outline\" data-set=\"{}\" d=\"{}\" stroke=\"{}\" "
                     "stroke-width=\"1.6\" fill=\"none\" "
                     "stroke-linejoin=\"miter\"/>\n",
                     s + 1, d, colour);
    }
    fmt::format_to(o, "</g>\n");
  }
  detail::write_axis_line(o, L.x0, L.y0, L.y1, L.x1);

  // Markers: lines from the x axis up to their label, then the labels on a white halo.
  fmt::format_to(o, "<g class=\"markers\">\n");
  for (const MarkerLabel& ml : L.labels) {
    const double v = marker_value(h.stats[ml.set], ml.kind);
    fmt::format_to(o,
                   "<path class=\"marker {}\" data-set=\"{}\" data-value=\"{}\" d=\"M{:.2f} "
                   "{:.2f}V{:.2f}\" stroke=\"{}\" "
                   "stroke-width=\"1.6\"{}/>\n",
                   marker_class(ml.kind), ml.set + 1, format_number(v, 6), ml.x, L.y1,
                   ml.row < 0 ? L.y0 : L.label_baseline(ml.row, fs) + 4, series_colour(ml.set),
                   marker_dash(ml.kind));
  }
  for (const MarkerLabel& ml : L.labels) {
    if (ml.row < 0) continue;  // its figure is in another marker's label
    write_text(o, ml.x0, L.label_baseline(ml.row, fs), ml.text,
               fmt::format(" class=\"marker-label {}\" data-set=\"{}\" fill=\"{}\"{}",
                           marker_class(ml.kind), ml.set + 1, series_colour(ml.set),
                           detail::kHalo));
  }
  fmt::format_to(o, "</g>\n");

  // Legend: one row per set (two in a narrow chart), then the key to the markers.
  fmt::format_to(o, "<g class=\"legend\">\n");
  const double lx = kLeft - 40;
  double y = L.legend_y + L.legend_row * 0.7;
  for (std::size_t s = 0; s < nsets; ++s) {
    fmt::format_to(o, "<g class=\"legend-entry\" data-set=\"{}\">\n", s + 1);
    fmt::format_to(o,
                   "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"16\" height=\"10\" fill=\"{}\" "
                   "fill-opacity=\"{:.2f}\" stroke=\"{}\"/>\n",
                   lx, y - fs * 0.75, series_colour(s), overlay ? 0.30 : 0.75, series_colour(s));
    y = detail::write_legend_texts(o, L, lx + 24, y, spec.sets[s].label, s, fs);
  }
  double kx = lx;
  const std::string key_attrs = fmt::format(" fill=\"{}\"", kMuted);
  if (spec.markers) {
    for (Marker m : kMarkers) {
      fmt::format_to(
          o, "<path class=\"key\" d=\"M{:.1f} {:.1f}h26\" stroke=\"{}\" stroke-width=\"1.6\"{}/>\n",
          kx, y - fs * 0.35, kMuted, marker_dash(m));
      write_text(o, kx + 32, y, marker_key(m), key_attrs);
      kx += 32 + estimate_text_width(marker_key(m), fs) + 18;
    }
  }
  if (L.key_wrap) {
    kx = lx;
    y += L.legend_row;
  }
  if (!L.bins_text.empty())
    write_text(o, kx, y, L.bins_text, fmt::format(" class=\"bin-width\" fill=\"{}\"", kMuted));
  fmt::format_to(o, "</g>\n");
  fmt::format_to(o, "</svg>\n");
  return out;
}

nlohmann::json to_json(const HistogramSpec& spec) {
  const Histogram h = bin_samples(spec);
  nlohmann::json j;
  j["title"] = spec.title;
  j["x_title"] = spec.x_title;
  j["unit"] = spec.unit;
  j["y"] = spec.percent ? "percent" : "count";
  j["bin_width"] = h.bin_width;
  j["edges"] = h.edges;
  nlohmann::json sets = nlohmann::json::array();
  for (std::size_t s = 0; s < spec.sets.size(); ++s) {
    const SetStats& st = h.stats[s];
    nlohmann::json e;
    e["label"] = spec.sets[s].label;
    e["n"] = st.n;
    e["counts"] = h.counts[s];
    for (const auto& [key, v] :
         {std::pair{"mean", st.mean}, std::pair{"p50", st.p50}, std::pair{"p95", st.p95},
          std::pair{"min", st.min}, std::pair{"max", st.max}}) {
      e[key] = st.n == 0 ? nlohmann::json(nullptr) : nlohmann::json(v);
    }
    sets.push_back(std::move(e));
  }
  j["sets"] = std::move(sets);
  return j;
}

}  // namespace landbridge::chart
