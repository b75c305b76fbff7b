// Heat map SVG: positions first, then one pass of writing with fixed decimals (house style of
// histogram.cpp and timeseries.cpp).
#include "landbridge/chart/heatmap.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "landbridge/chart/axis.h"
#include "landbridge/chart/svg_text.h"
#include "landbridge/core/error.h"
#include "svg_frame.h"

namespace landbridge::chart {
namespace {

using detail::kInk;
using detail::kMuted;
using detail::Out;
using detail::write_text;

// Viridis at nine even stops.
constexpr std::array<std::array<int, 3>, 9> kStops{{{68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142},
                                                    {33, 144, 141}, {39, 173, 129}, {92, 200, 99},
                                                    {170, 220, 50}, {253, 231, 37}}};

// A cell's figures to three significant digits of the larger of the value and its half-width
// (at most three decimals): 1,064 ± 7, 12.3 ± 0.4, 5.12 ± 0.05.
int decimals_for(double v, double hw) {
  const double m = std::max(std::fabs(v), std::isfinite(hw) ? std::fabs(hw) : 0.0);
  if (!(m > 0)) return 0;
  return std::clamp(2 - static_cast<int>(std::floor(std::log10(m))), 0, 3);
}

}  // namespace

std::string heat_colour(double t) {
  t = std::clamp(std::isfinite(t) ? t : 0.0, 0.0, 1.0);
  const double pos = t * static_cast<double>(kStops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(pos), kStops.size() - 2);
  const double f = pos - static_cast<double>(i);
  std::array<int, 3> c{};
  for (std::size_t k = 0; k < 3; ++k)
    c[k] = static_cast<int>(std::lround(kStops[i][k] + f * (kStops[i + 1][k] - kStops[i][k])));
  return fmt::format("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
}

std::string render_heatmap(const HeatMapSpec& spec) {
  const std::size_t nx = spec.x_labels.size(), ny = spec.y_labels.size();
  if (nx == 0 || ny == 0) throw Error("heat map: no categories on an axis");
  if (spec.values.size() != ny) throw Error(fmt::format("heat map: {} rows of values for {} y categories", spec.values.size(), ny));
  for (const auto& row : spec.values)
    if (row.size() != nx) throw Error(fmt::format("heat map: a row of {} values for {} x categories", row.size(), nx));
  const bool hw = !spec.half_widths.empty();
  if (hw && (spec.half_widths.size() != ny ||
             std::any_of(spec.half_widths.begin(), spec.half_widths.end(), [&](const auto& r) { return r.size() != nx; })))
    throw Error("heat map: half widths not of the values' shape");
  if (!(spec.width >= 420) || !(spec.cell_height >= 20) || !(spec.font_size >= 6))
    throw Error(fmt::format("heat map: width >= 420, cell height >= 20 and font size >= 6 px expected, got {}, {}, {}",
                            spec.width, spec.cell_height, spec.font_size));
  const double fs = spec.font_size;
  double lo = 0, hi = 0;
  bool any = false;
  for (const auto& row : spec.values)
    for (double v : row) {
      if (!std::isfinite(v)) continue;
      lo = any ? std::min(lo, v) : v;
      hi = any ? std::max(hi, v) : v;
      any = true;
    }
  // Columns: y title, y labels, grid, colour bar with its ticks.
  double ylab_w = 0;
  for (const std::string& s : spec.y_labels) ylab_w = std::max(ylab_w, estimate_text_width(s, fs));
  ylab_w = std::min(ylab_w, spec.width * 0.25);
  const double top = spec.subtitle.empty() ? 52 : 72;
  const double gx0 = 44 + ylab_w + 10;
  const double bar_w = 16, bar_gap = 22;
  const Axis bar_axis = any ? make_axis_between(lo, hi, 5) : make_axis_between(0, 1, 5);
  double tick_w = 0;
  for (double t : bar_axis.ticks) tick_w = std::max(tick_w, estimate_text_width(format_number(t, bar_axis.decimals), fs));
  const double gx1 = spec.width - 16 - tick_w - 6 - bar_w - bar_gap;
  const double cw = (gx1 - gx0) / static_cast<double>(nx);
  const double gy0 = top, gy1 = top + spec.cell_height * static_cast<double>(ny);
  const double height = std::ceil(gy1 + 2 * fs + 26 + 14);
  const std::string title = spec.title.empty() ? std::string("Heat map") : spec.title;

  std::string out;
  out.reserve(16 * 1024);
  Out o(out);
  detail::write_svg_open(o, spec.width, height, fs, title);
  fmt::format_to(o, "<desc>{}</desc>\n",
                 xml_escape(fmt::format("{} by {} and {}: {} x {} cells, colour from low (dark) to high (yellow).",
                                        spec.value_title, spec.x_title, spec.y_title, nx, ny)));
  detail::write_headings(o, title, spec.subtitle, 30, 50, fs, spec.width);
  fmt::format_to(o,
                 "<defs><pattern id=\"no-value\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                 "<rect width=\"6\" height=\"6\" fill=\"#eeeeee\"/><path d=\"M0 6L6 0\" stroke=\"#bbbbbb\"/></pattern></defs>\n");
  for (std::size_t y = 0; y < ny; ++y) {
    const double cy0 = gy1 - spec.cell_height * static_cast<double>(y + 1);  // first category at the bottom
    for (std::size_t x = 0; x < nx; ++x) {
      const double v = spec.values[y][x];
      const double cx0 = gx0 + cw * static_cast<double>(x);
      const bool has = std::isfinite(v);
      const double t = has && hi > lo ? (v - lo) / (hi - lo) : 0.5;
      fmt::format_to(o,
                     "<rect class=\"cell\" data-x=\"{}\" data-y=\"{}\" data-value=\"{}\" x=\"{:.2f}\" y=\"{:.2f}\" "
                     "width=\"{:.2f}\" height=\"{:.2f}\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                     x, y, has ? fmt::format("{}", v) : std::string("none"), cx0, cy0, cw, spec.cell_height,
                     has ? heat_colour(t) : std::string("url(#no-value)"));
      const double h = hw ? spec.half_widths[y][x] : std::nan("");
      const int dec = decimals_for(v, h);
      std::string label = has ? format_number(v, dec) : std::string("no value");
      if (has && std::isfinite(h)) label += " \u00b1 " + format_number(h, dec);
      const char* ink = has && t < 0.6 ? "#ffffff" : kInk;
      write_text(o, cx0 + cw / 2, cy0 + spec.cell_height / 2 + fs * 0.35, fit_text_width(label, fs, cw - 6),
                 fmt::format(" class=\"cell-label\" text-anchor=\"middle\" fill=\"{}\"", ink));
    }
    write_text(o, gx0 - 8, gy1 - spec.cell_height * (static_cast<double>(y) + 0.5) + fs * 0.35,
               fit_text_width(spec.y_labels[y], fs, ylab_w), " class=\"y-tick\" text-anchor=\"end\"");
  }
  for (std::size_t x = 0; x < nx; ++x)
    write_text(o, gx0 + cw * (static_cast<double>(x) + 0.5), gy1 + fs + 6, fit_text_width(spec.x_labels[x], fs, cw - 4),
               " class=\"x-tick\" text-anchor=\"middle\"");
  write_text(o, (gx0 + gx1) / 2, gy1 + 2 * fs + 16, spec.x_title,
             fmt::format(" class=\"x-title\" text-anchor=\"middle\" fill=\"{}\"", kInk));
  fmt::format_to(o,
                 "<text class=\"y-title\" transform=\"translate({:.1f} {:.1f}) rotate(-90)\" text-anchor=\"middle\" "
                 "fill=\"{}\">{}</text>\n",
                 24.0, (gy0 + gy1) / 2, kInk, xml_escape(spec.y_title));

  // Colour bar: a vertical gradient over the bar axis's range, low at the bottom.
  const double bx = gx1 + bar_gap, by0 = gy0, by1 = gy1;
  fmt::format_to(o, "<defs><linearGradient id=\"heat\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
  for (int k = 0; k <= 8; ++k) {
    // Stops over the bar axis (it reaches past the data to nice ticks).
    const double v = bar_axis.min + (bar_axis.max - bar_axis.min) * k / 8.0;
    const double t = any && hi > lo ? (v - lo) / (hi - lo) : 0.5;
    fmt::format_to(o, "<stop offset=\"{:.3f}\" stop-color=\"{}\"/>", k / 8.0, heat_colour(t));
  }
  fmt::format_to(o, "</linearGradient></defs>\n");
  fmt::format_to(o,
                 "<rect class=\"colour-bar\" x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" "
                 "fill=\"url(#heat)\" stroke=\"#444444\" stroke-width=\"0.8\"/>\n",
                 bx, by0, bar_w, by1 - by0);
  for (double t : bar_axis.ticks) {
    const double y = by1 - (t - bar_axis.min) / (bar_axis.max - bar_axis.min) * (by1 - by0);
    fmt::format_to(o, "<path d=\"M{:.2f} {:.2f}h4\" stroke=\"#444444\"/>\n", bx + bar_w, y);
    write_text(o, bx + bar_w + 6, y + fs * 0.35, format_number(t, bar_axis.decimals), " class=\"bar-tick\"");
  }
  write_text(o, spec.width - 8, gy0 - 8, fit_text_width(spec.value_title, fs, spec.width * 0.45),
             fmt::format(" class=\"bar-title\" text-anchor=\"end\" fill=\"{}\"", kMuted));
  fmt::format_to(o, "</svg>\n");
  return out;
}

}  // namespace landbridge::chart
