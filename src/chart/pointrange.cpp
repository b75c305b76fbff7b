// Means with confidence intervals: the single-plot frame of svg_frame.h, a line per series and
// an error bar per point.
#include "landbridge/chart/pointrange.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "landbridge/chart/axis.h"
#include "landbridge/chart/svg_text.h"
#include "landbridge/core/error.h"
#include "svg_frame.h"

namespace landbridge::chart {
namespace {

using detail::kLeft;
using detail::Out;
using detail::write_text;

std::string figures_text(const PointRangeSeries& s, int decimals) {
  double lo = 0, hi = 0;
  bool any = false;
  std::size_t n = 0;
  for (double m : s.mean) {
    if (!std::isfinite(m)) continue;
    lo = any ? std::min(lo, m) : m;
    hi = any ? std::max(hi, m) : m;
    any = true;
    ++n;
  }
  if (!any) return "no values";
  return fmt::format("{} points \u00b7 means from {} to {}", n, format_number(lo, decimals + 1), format_number(hi, decimals + 1));
}

}  // namespace

std::string render_pointrange(const PointRangeSpec& spec) {
  if (spec.series.empty()) throw Error("point-range chart: nothing to draw (no series)");
  const bool numeric = !spec.x.empty();
  const std::size_t n = numeric ? spec.x.size() : spec.x_labels.size();
  if (n == 0) throw Error("point-range chart: no x values");
  for (double x : spec.x)
    if (!std::isfinite(x)) throw Error(fmt::format("point-range chart: x {} is not finite", x));
  for (const PointRangeSeries& s : spec.series)
    if (s.mean.size() != n || s.low.size() != n || s.high.size() != n)
      throw Error(fmt::format("point-range chart: series \"{}\" has {} means for {} x values", s.label, s.mean.size(), n));
  if (!(spec.width >= 480) || !(spec.plot_height >= 120) || !(spec.font_size >= 6))
    throw Error(fmt::format("point-range chart: width >= 480, plot height >= 120 and font size >= 6 px expected, got {}, {}, {}",
                            spec.width, spec.plot_height, spec.font_size));
  const double fs = spec.font_size;
  detail::PlotLayout L;
  L.start(spec.width, fs);
  // x: numbers at their values (a margin of half the smallest gap each side); categories at 0..n-1.
  std::vector<double> xs(n);
  for (std::size_t i = 0; i < n; ++i) xs[i] = numeric ? spec.x[i] : static_cast<double>(i);
  const auto [xmin_it, xmax_it] = std::minmax_element(xs.begin(), xs.end());
  const double xmin = *xmin_it, xmax = *xmax_it;
  const int x_ticks = std::max(2, static_cast<int>((L.x1 - L.x0) / 80));
  if (numeric) {
    L.x = make_axis_between(xmin, xmax, x_ticks);
  } else {
    L.x.min = -0.5;
    L.x.max = static_cast<double>(n) - 0.5;
    L.x.ticks.clear();
  }
  double lo = 0, hi = 0;
  bool any = false;
  for (const PointRangeSeries& s : spec.series)
    for (std::size_t i = 0; i < n; ++i)
      for (double v : {s.mean[i], s.low[i], s.high[i]}) {
        if (!std::isfinite(v)) continue;
        lo = any ? std::min(lo, v) : v;
        hi = any ? std::max(hi, v) : v;
        any = true;
      }
  const int y_ticks = std::max(2, static_cast<int>(spec.plot_height / 50));
  L.y = any ? make_axis_between(lo - 0.04 * (hi - lo), hi + 0.04 * (hi - lo), y_ticks) : make_axis_between(0, 1, y_ticks);
  L.place_plot(spec.subtitle.empty() ? 48 : 68, 0, spec.plot_height, fs);
  const double lx = kLeft - 40, right = spec.width - 8;
  double fig_w = 0;
  for (const PointRangeSeries& s : spec.series) {
    L.label_w = std::max(L.label_w, estimate_text_width(s.label, fs));
    L.figures.push_back(figures_text(s, L.y.decimals));
    fig_w = std::max(fig_w, estimate_text_width(L.figures.back(), fs));
  }
  L.label_w = std::min(L.label_w, right - lx - 34);
  L.wrap = lx + 34 + L.label_w + 16 + fig_w > right;
  const double entry_h = L.wrap ? 2 * L.legend_row - 4 : L.legend_row;
  L.height = std::ceil(L.legend_y + entry_h * static_cast<double>(spec.series.size()) + 12);

  const std::string title = spec.title.empty() ? std::string("Means and confidence intervals") : spec.title;
  std::string out;
  out.reserve(16 * 1024);
  Out o(out);
  detail::write_svg_open(o, L.width, L.height, fs, title);
  fmt::format_to(o, "<desc>{}</desc>\n",
                 xml_escape(fmt::format("{} against {}: {} series, means joined by lines, bars from low to high.",
                                        spec.y_title, spec.x_title, spec.series.size())));
  detail::write_headings(o, title, spec.subtitle, L.title_y, L.subtitle_y, fs, L.width);
  detail::write_plot_frame(o, L, spec.x_title, spec.y_title, fs);
  if (!numeric) {
    const double slot = (L.x1 - L.x0) / static_cast<double>(n);
    for (std::size_t i = 0; i < n; ++i)
      write_text(o, L.px(xs[i]), L.x_labels_y, fit_text_width(spec.x_labels[i], fs, slot - 4),
                 " class=\"x-tick\" text-anchor=\"middle\"");
  }
  const std::size_t ns = spec.series.size();
  // Series side by side around each x so their bars do not hide each other.
  const double spread = ns > 1 ? std::min(14.0, (L.x1 - L.x0) / static_cast<double>(n) / 3) : 0;
  for (std::size_t s = ns; s-- > 0;) {
    const PointRangeSeries& ps = spec.series[s];
    const std::string_view colour = series_colour(s);
    const double dx = ns > 1 ? spread * (static_cast<double>(s) / static_cast<double>(ns - 1) - 0.5) : 0;
    fmt::format_to(o, "<g class=\"series\" data-series=\"{}\">\n", s + 1);
    std::string d;
    bool pen = false;
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(ps.mean[i])) {
        pen = false;
        continue;
      }
      fmt::format_to(std::back_inserter(d), "{}{:.2f} {:.2f}", pen ? "L" : "M", L.px(xs[i]) + dx, L.py(ps.mean[i]));
      pen = true;
    }
    fmt::format_to(o, "<path class=\"line\" d=\"{}\" stroke=\"{}\" stroke-width=\"1.6\" fill=\"none\" stroke-linejoin=\"round\"/>\n",
                   d, colour);
    for (std::size_t i = 0; i < n; ++i) {
      if (!std::isfinite(ps.mean[i])) continue;
      const double x = L.px(xs[i]) + dx;
      if (std::isfinite(ps.low[i]) && std::isfinite(ps.high[i]))
        fmt::format_to(o,
                       "<path class=\"ci\" data-x=\"{}\" data-low=\"{}\" data-high=\"{}\" "
                       "d=\"M{:.2f} {:.2f}V{:.2f}M{:.2f} {:.2f}h8M{:.2f} {:.2f}h8\" stroke=\"{}\" stroke-width=\"1.4\"/>\n",
                       numeric ? fmt::format("{}", xs[i]) : spec.x_labels[i], fmt::format("{}", ps.low[i]),
                       fmt::format("{}", ps.high[i]), x, L.py(ps.low[i]), L.py(ps.high[i]), x - 4, L.py(ps.low[i]),
                       x - 4, L.py(ps.high[i]), colour);
      fmt::format_to(o, "<circle class=\"mean\" cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"3.5\" fill=\"{}\" stroke=\"#ffffff\"/>\n", x,
                     L.py(ps.mean[i]), colour);
    }
    fmt::format_to(o, "</g>\n");
  }
  detail::write_axis_line(o, L.x0, L.y0, L.y1, L.x1);
  fmt::format_to(o, "<g class=\"legend\">\n");
  double y = L.legend_y + L.legend_row * 0.7;
  for (std::size_t s = 0; s < ns; ++s) {
    fmt::format_to(o, "<g class=\"legend-entry\" data-series=\"{}\">\n", s + 1);
    fmt::format_to(o, "<path d=\"M{:.1f} {:.1f}h26\" stroke=\"{}\" stroke-width=\"1.6\"/>\n", lx, y - fs * 0.35,
                   series_colour(s));
    fmt::format_to(o, "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3.5\" fill=\"{}\"/>\n", lx + 13, y - fs * 0.35, series_colour(s));
    y = detail::write_legend_texts(o, L, lx + 34, y, spec.series[s].label, s, fs);
  }
  fmt::format_to(o, "</g>\n</svg>\n");
  return out;
}

}  // namespace landbridge::chart
