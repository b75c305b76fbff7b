// Bands across replications and SVG writing of time series.
//
// Same house style as svg.cpp and histogram.cpp: positions first (Layout), then one pass of
// writing with fixed decimals; text extents are estimated, not measured.
#include "landbridge/chart/timeseries.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "landbridge/chart/axis.h"
#include "landbridge/chart/histogram.h"
#include "landbridge/chart/svg_text.h"
#include "landbridge/core/error.h"
#include "svg_frame.h"

namespace landbridge::chart {

SeriesBand band_of(const TimeSeries& s) {
  if (!std::isfinite(s.t0) || !(s.dt > 0) || !std::isfinite(s.dt))
    throw Error(fmt::format("time series \"{}\": need a finite t0 and dt > 0, got {} and {}",
                            s.label, s.t0, s.dt));
  SeriesBand b;
  b.replications = s.replications.size();
  if (s.replications.empty()) return b;
  const std::size_t n = s.replications.front().size();
  for (std::size_t r = 0; r < s.replications.size(); ++r) {
    if (s.replications[r].size() != n)
      throw Error(
          fmt::format("time series \"{}\": replication {} has {} samples, replication 1 has {}",
                      s.label, r + 1, s.replications[r].size(), n));
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(s.replications[r][i]))
        throw Error(
            fmt::format("time series \"{}\": replication {}, sample {}: not a finite number ({})",
                        s.label, r + 1, i, s.replications[r][i]));
    }
  }
  const bool single = s.replications.size() == 1;
  b.band = single ? Band::none : s.band;
  std::vector<double> at(s.replications.size());
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t r = 0; r < s.replications.size(); ++r) at[r] = s.replications[r][i];
    std::sort(at.begin(), at.end());
    double c = 0;
    if (s.centre == Centre::median) {
      c = nearest_rank(at, 0.5);
    } else {
      for (double v : at) c += v;  // in sorted order: the same sum whatever the replication order
      c /= static_cast<double>(at.size());
    }
    b.centre.push_back(c);
    switch (b.band) {
      case Band::p5_p95:
        b.lo.push_back(nearest_rank(at, 0.05));
        b.hi.push_back(nearest_rank(at, 0.95));
        break;
      case Band::min_max:
        b.lo.push_back(at.front());
        b.hi.push_back(at.back());
        break;
      case Band::none:
        b.lo.push_back(c);
        b.hi.push_back(c);
        break;
    }
    if (i == 0 || c > b.peak_centre) {
      b.peak_centre = c;
      b.peak_t = s.t0 + static_cast<double>(i) * s.dt;
    }
    b.peak_any = i == 0 ? at.back() : std::max(b.peak_any, at.back());
  }
  return b;
}

namespace {

using detail::kInk;
using detail::kLeft;
using detail::kRight;
using detail::Out;
using detail::write_text;

const char* band_key(Band b) {
  switch (b) {
    case Band::p5_p95:
      return "p5_p95";
    case Band::min_max:
      return "min_max";
    case Band::none:
      return "none";
  }
  return "";
}

struct IntervalLabel {
  std::size_t index = 0;
  double x0 = 0, x1 = 0;
  int row = 0;
  std::string text;
};

struct Layout : detail::PlotLayout {
  std::vector<SeriesBand> bands;
  std::vector<IntervalLabel> labels;
};

// A figure in the legend: whole numbers as such (queue lengths), else one decimal more than the
// axis ticks (at least one, at most three).
std::string figure(double v, int decimals) {
  if (v == std::round(v)) return format_number(v, 0);
  return format_number(v, std::clamp(decimals + 1, 1, 3));
}

// What the legend says about a series after its name.
std::string figures_text(const TimeSeries& ts, const SeriesBand& b, const Axis& x, const Axis& y) {
  if (b.centre.empty()) return "no samples";
  const std::string peak_at =
      fmt::format("{} at {}", figure(b.peak_centre, y.decimals), figure(b.peak_t, x.decimals));
  if (b.replications == 1) return "peak " + peak_at;
  const std::string centre = ts.centre == Centre::median ? "median" : "mean";
  std::string what = centre;
  if (b.band != Band::none)
    what += b.band == Band::p5_p95 ? ", P5\u2013P95 band" : ", min\u2013max band";
  what += fmt::format(" of {} replications \u00b7 peak {} {} \u00b7 max {}", b.replications, centre,
                      peak_at, figure(b.peak_any, y.decimals));
  return what;
}

Layout plan(const TimeSeriesSpec& spec) {
  if (spec.series.empty()) throw Error("time series chart: nothing to draw (no series)");
  if (!(spec.width >= 480) || !(spec.plot_height >= 120) || !(spec.font_size >= 6))
    throw Error(
        fmt::format("time series chart: width >= 480, plot height >= 120 and font size >= 6 px "
                    "expected, got {}, {}, {}",
                    spec.width, spec.plot_height, spec.font_size));
  for (const ReferenceLine& r : spec.references)
    if (!std::isfinite(r.y))
      throw Error(fmt::format("time series chart: reference line \"{}\" at {}", r.label, r.y));
  for (const ShadedInterval& iv : spec.intervals)
    if (!std::isfinite(iv.from) || !std::isfinite(iv.to) || iv.from > iv.to)
      throw Error(
          fmt::format("time series chart: interval \"{}\" from {} to {}: need finite from <= to",
                      iv.label, iv.from, iv.to));
  const double fs = spec.font_size;
  const bool step = spec.interpolation == Interpolation::step;
  Layout L;
  L.start(spec.width, fs);
  bool any = false;
  double t_lo = 0, t_hi = 0, v_lo = 0, v_hi = 0;
  for (const TimeSeries& s : spec.series) {
    L.bands.push_back(band_of(s));
    const SeriesBand& b = L.bands.back();
    if (b.centre.empty()) continue;
    // Steps hold the last value for one dt more.
    const std::size_t last = b.centre.size() - (step ? 0 : 1);
    const double end = s.t0 + static_cast<double>(last) * s.dt;
    t_lo = any ? std::min(t_lo, s.t0) : s.t0;
    t_hi = any ? std::max(t_hi, end) : end;
    for (std::size_t i = 0; i < b.centre.size(); ++i) {
      v_lo = std::min({v_lo, b.lo[i], b.centre[i]});
      v_hi = std::max({v_hi, b.hi[i], b.centre[i]});
    }
    any = true;
  }
  if (!any) {  // nothing sampled: the intervals, or a unit axis
    for (std::size_t k = 0; k < spec.intervals.size(); ++k) {
      t_lo = k == 0 ? spec.intervals[k].from : std::min(t_lo, spec.intervals[k].from);
      t_hi = k == 0 ? spec.intervals[k].to : std::max(t_hi, spec.intervals[k].to);
    }
  }
  for (const ReferenceLine& r : spec.references) {
    v_lo = std::min(v_lo, r.y);
    v_hi = std::max(v_hi, r.y);
  }
  const int x_ticks = std::max(2, static_cast<int>((L.x1 - L.x0) / 80));
  // Time from 0 when the data start at or after 0 (a year from day 0 reads best that way).
  L.x = t_lo >= 0 ? make_axis(t_hi, x_ticks, 0) : make_axis_between(t_lo, t_hi, x_ticks);
  const int y_ticks = std::max(2, static_cast<int>(spec.plot_height / 50));
  L.y = v_lo >= 0 ? make_axis(v_hi, y_ticks, 0.08)
                  : make_axis_between(v_lo, v_hi + 0.04 * (v_hi - v_lo), y_ticks);

  // Interval labels above the plot: centred over the (clipped) interval, lowest free row.
  std::vector<IntervalLabel> labels;
  for (std::size_t k = 0; k < spec.intervals.size(); ++k) {
    const ShadedInterval& iv = spec.intervals[k];
    if (iv.label.empty() || iv.to < L.x.min || iv.from > L.x.max) continue;
    IntervalLabel il;
    il.index = k;
    il.text = iv.label;
    const double w = estimate_text_width(il.text, fs);
    const double cx = (L.px(std::max(iv.from, L.x.min)) + L.px(std::min(iv.to, L.x.max))) / 2;
    il.x0 = std::clamp(cx - w / 2, L.x0 - 20, L.x1 + kRight - 4 - w);
    il.x1 = il.x0 + w;
    labels.push_back(std::move(il));
  }
  std::stable_sort(labels.begin(), labels.end(),
                   [](const IntervalLabel& a, const IntervalLabel& b) { return a.x0 < b.x0; });
  const int rows = detail::pack_label_rows(labels);
  // The first row filled is the one nearest the plot (rows are drawn top down).
  for (IntervalLabel& il : labels) il.row = rows - 1 - il.row;
  L.labels = std::move(labels);
  L.place_plot(spec.subtitle.empty() ? 48 : 68, rows, spec.plot_height, fs);
  const double lx = kLeft - 40, right = spec.width - 8;
  double fig_w = 0;
  for (std::size_t s = 0; s < spec.series.size(); ++s) {
    L.label_w = std::max(L.label_w, estimate_text_width(spec.series[s].label, fs));
    L.figures.push_back(figures_text(spec.series[s], L.bands[s], L.x, L.y));
    fig_w = std::max(fig_w, estimate_text_width(L.figures.back(), fs));
  }
  L.label_w = std::min(L.label_w, right - lx - 34);
  L.wrap = lx + 34 + L.label_w + 16 + fig_w > right;
  const double entry_h = L.wrap ? 2 * L.legend_row - 4 : L.legend_row;
  L.height = std::ceil(L.legend_y + entry_h * static_cast<double>(spec.series.size()) + 12);
  return L;
}

// Path data of v over x_i = t0 + i·dt; runs of equal values are one segment. Steps: v[i] holds
// over [x_i, x_{i+1}), the last up to x_n. Lines: straight from (x_i, v[i]) to the next.
// Forward starts with M at x_0; backward (a band's lower edge) continues the path with L from
// the far end and ends at x_0, so that "forward hi + backward lo + Z" closes the band.
void trace(std::string& d, const Layout& L, const TimeSeries& s, const std::vector<double>& v,
           bool step, bool forward) {
  const std::size_t n = v.size();
  const auto X = [&](std::size_t i) { return L.px(s.t0 + static_cast<double>(i) * s.dt); };
  auto out = std::back_inserter(d);
  if (step) {
    if (forward) {
      fmt::format_to(out, "M{:.2f} {:.2f}", X(0), L.py(v[0]));
      for (std::size_t i = 1; i < n; ++i)
        if (v[i] != v[i - 1]) fmt::format_to(out, "H{:.2f}V{:.2f}", X(i), L.py(v[i]));
      fmt::format_to(out, "H{:.2f}", X(n));
    } else {
      fmt::format_to(out, "L{:.2f} {:.2f}", X(n), L.py(v[n - 1]));
      for (std::size_t i = n - 1; i-- > 0;)
        if (v[i] != v[i + 1]) fmt::format_to(out, "H{:.2f}V{:.2f}", X(i + 1), L.py(v[i]));
      fmt::format_to(out, "H{:.2f}", X(0));
    }
    return;
  }
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = forward ? k : n - 1 - k;
    const bool inner = k > 0 && k + 1 < n;
    // A point between two equal neighbours lies on their segment.
    if (inner && v[i - 1] == v[i] && v[i + 1] == v[i]) continue;
    fmt::format_to(out, "{}{:.2f} {:.2f}", k == 0 && forward ? "M" : "L", X(i), L.py(v[i]));
  }
}

std::string_view colour_of(const TimeSeriesSpec& spec, std::size_t s) {
  const int c = spec.series[s].colour;
  return series_colour(c >= 0 ? static_cast<std::size_t>(c) : s);
}
const char* dash_of(const TimeSeries& ts) {
  return ts.dashed ? " stroke-dasharray=\"6 3\"" : "";
}

}  // namespace

std::string render_timeseries(const TimeSeriesSpec& spec) {
  const Layout L = plan(spec);
  const double fs = spec.font_size;
  const bool step = spec.interpolation == Interpolation::step;
  const std::string title = spec.title.empty() ? std::string("Time series") : spec.title;
  std::string out;
  out.reserve(64 * 1024);
  Out o(out);
  detail::write_svg_open(o, L.width, L.height, fs, title);
  fmt::format_to(
      o, "<desc>{}</desc>\n",
      xml_escape(fmt::format(
          "{} over {}: {} series, {} joined by {}; shaded bands span the replications.",
          spec.y_title, spec.x_title, spec.series.size(), "samples", step ? "steps" : "lines")));
  detail::write_headings(o, title, spec.subtitle, L.title_y, L.subtitle_y, fs, L.width);

  // Shaded intervals first, under everything; their labels above the plot.
  for (std::size_t k = 0; k < spec.intervals.size(); ++k) {
    const ShadedInterval& iv = spec.intervals[k];
    const double a = std::clamp(iv.from, L.x.min, L.x.max), b = std::clamp(iv.to, L.x.min, L.x.max);
    if (iv.to < L.x.min || iv.from > L.x.max) continue;
    fmt::format_to(o,
                   "<rect class=\"interval\" data-from=\"{}\" data-to=\"{}\" x=\"{:.2f}\" "
                   "y=\"{:.2f}\" width=\"{:.2f}\" "
                   "height=\"{:.2f}\" fill=\"#000000\" fill-opacity=\"0.07\"/>\n",
                   format_number(iv.from, 6), format_number(iv.to, 6), L.px(a), L.y0,
                   std::max(L.px(b) - L.px(a), 1.0), L.y1 - L.y0);
  }
  for (const IntervalLabel& il : L.labels) {
    const ShadedInterval& iv = spec.intervals[il.index];
    const double baseline = L.band_top + (il.row + 1) * L.row_h - fs * 0.3;
    const double cx = (L.px(std::max(iv.from, L.x.min)) + L.px(std::min(iv.to, L.x.max))) / 2;
    fmt::format_to(o,
                   "<path class=\"interval-leader\" d=\"M{:.2f} {:.2f}V{:.2f}\" stroke=\"#999999\" "
                   "stroke-width=\"0.8\"/>\n",
                   cx, baseline + 4, L.y0);
    write_text(
        o, il.x0, baseline, il.text,
        fmt::format(" class=\"interval-label\" fill=\"{}\"{}", kInk, detail::kHalo));
  }

  // Frame.
  detail::write_plot_frame(o, L, spec.x_title, spec.y_title, fs);

  // Bands under lines, series 1 last (on top).
  const std::size_t ns = spec.series.size();
  for (std::size_t s = ns; s-- > 0;) {
    const SeriesBand& b = L.bands[s];
    if (b.centre.empty()) continue;
    const TimeSeries& ts = spec.series[s];
    fmt::format_to(o, "<g class=\"series\" data-series=\"{}\">\n", s + 1);
    if (b.band != Band::none) {
      std::string d;
      trace(d, L, ts, b.hi, step, true);
      trace(d, L, ts, b.lo, step, false);
      d += "Z";
      fmt::format_to(
          o, "<path class=\"band\" d=\"{}\" fill=\"{}\" fill-opacity=\"0.22\" stroke=\"none\"/>\n",
          d, colour_of(spec, s));
    }
    std::string d;
    trace(d, L, ts, b.centre, step, true);
    fmt::format_to(
        o,
        "<path class=\"centre\" d=\"{}\" stroke=\"{}\" stroke-width=\"1.6\" fill=\"none\" "
        "stroke-linejoin=\"round\"{}/>\n",
        d, colour_of(spec, s), dash_of(ts));
    fmt::format_to(o, "</g>\n");
  }
  detail::write_axis_line(o, L.x0, L.y0, L.y1, L.x1);

  // Reference lines, labelled at the right end, above the line.
  for (const ReferenceLine& r : spec.references) {
    const double y = L.py(r.y);
    fmt::format_to(o,
                   "<path class=\"reference\" data-y=\"{}\" d=\"M{:.1f} {:.2f}H{:.1f}\" "
                   "stroke=\"{}\" stroke-width=\"1.2\" "
                   "stroke-dasharray=\"6 3\"/>\n",
                   format_number(r.y, 6), L.x0, y, L.x1, kInk);
    if (!r.label.empty())
      write_text(
          o, L.x1 - 4, y - 4, fit_text_width(r.label, fs, L.x1 - L.x0 - 8),
          fmt::format(" class=\"reference-label\" text-anchor=\"end\" fill=\"{}\"{}", kInk,
                      detail::kHalo));
  }

  // Legend: one row per series (two in a narrow chart).
  fmt::format_to(o, "<g class=\"legend\">\n");
  const double lx = kLeft - 40;
  double y = L.legend_y + L.legend_row * 0.7;
  for (std::size_t s = 0; s < ns; ++s) {
    const SeriesBand& b = L.bands[s];
    const TimeSeries& ts = spec.series[s];
    fmt::format_to(o, "<g class=\"legend-entry\" data-series=\"{}\">\n", s + 1);
    if (b.band != Band::none)
      fmt::format_to(o,
                     "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"26\" height=\"12\" fill=\"{}\" "
                     "fill-opacity=\"0.22\"/>\n",
                     lx, y - fs * 0.35 - 6, colour_of(spec, s));
    fmt::format_to(o, "<path d=\"M{:.1f} {:.1f}h26\" stroke=\"{}\" stroke-width=\"1.6\"{}/>\n", lx,
                   y - fs * 0.35, colour_of(spec, s), dash_of(ts));
    y = detail::write_legend_texts(o, L, lx + 34, y, ts.label, s, fs);
  }
  fmt::format_to(o, "</g>\n");
  fmt::format_to(o, "</svg>\n");
  return out;
}

nlohmann::json to_json(const TimeSeriesSpec& spec) {
  const Layout L = plan(spec);
  nlohmann::json j;
  j["title"] = spec.title;
  j["x_title"] = spec.x_title;
  j["y_title"] = spec.y_title;
  j["interpolation"] = spec.interpolation == Interpolation::step ? "step" : "line";
  nlohmann::json series = nlohmann::json::array();
  for (std::size_t s = 0; s < spec.series.size(); ++s) {
    const TimeSeries& ts = spec.series[s];
    const SeriesBand& b = L.bands[s];
    nlohmann::json e;
    e["label"] = ts.label;
    e["t0"] = ts.t0;
    e["dt"] = ts.dt;
    e["replications"] = b.replications;
    e["band"] = band_key(b.band);
    e["centre"] = ts.centre == Centre::median ? "median" : "mean";
    e["centre_values"] = b.centre;
    e["lo"] = b.lo;
    e["hi"] = b.hi;
    e["peak"] =
        b.centre.empty()
            ? nlohmann::json(nullptr)
            : nlohmann::json{{"centre", b.peak_centre}, {"t", b.peak_t}, {"any", b.peak_any}};
    series.push_back(std::move(e));
  }
  j["series"] = std::move(series);
  nlohmann::json refs = nlohmann::json::array();
  for (const ReferenceLine& r : spec.references) refs.push_back({{"y", r.y}, {"label", r.label}});
  j["references"] = std::move(refs);
  nlohmann::json ivs = nlohmann::json::array();
  for (const ShadedInterval& iv : spec.intervals)
    ivs.push_back({{"from", iv.from}, {"to", iv.to}, {"label", iv.label}});
  j["intervals"] = std::move(ivs);
  return j;
}

}  // namespace landbridge::chart
