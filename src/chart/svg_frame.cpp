// The shared SVG pieces of svg_frame.h; fixed decimals throughout, so equal inputs give equal
// bytes.
#include "svg_frame.h"

#include <fmt/format.h>

#include <cmath>

#include "landbridge/chart/svg_text.h"

namespace landbridge::chart::detail {

void write_text(Out o, double x, double y, std::string_view text, std::string_view attrs) {
  fmt::format_to(o, "<text x=\"{:.1f}\" y=\"{:.1f}\"{}>{}</text>\n", x, y, attrs, xml_escape(text));
}

void write_svg_open(Out o, double width, double height, double fs, std::string_view title) {
  fmt::format_to(o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  fmt::format_to(o,
                 "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" "
                 "viewBox=\"0 0 {0:.0f} "
                 "{1:.0f}\" font-family=\"sans-serif\" font-size=\"{2:.0f}\">\n",
                 width, height, fs);
  fmt::format_to(o, "<title>{}</title>\n", xml_escape(title));
}

void write_headings(Out o, std::string_view title, std::string_view subtitle, double title_y,
                    double subtitle_y, double fs, double fit_width) {
  fmt::format_to(o, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  const double max_w = fit_width - kLeft + 40 - 8;
  // Bold runs about a tenth wider than the estimate for regular text.
  write_text(o, kLeft - 40, title_y,
             fit_width > 0 ? fit_text_width(title, fs * 1.65, max_w) : std::string(title),
             fmt::format(" font-size=\"{:.0f}\" font-weight=\"bold\" fill=\"{}\"", fs * 1.5, kInk));
  if (!subtitle.empty())
    write_text(o, kLeft - 40, subtitle_y,
               fit_width > 0 ? fit_text_width(subtitle, fs, max_w) : std::string(subtitle),
               fmt::format(" fill=\"{}\"", kMuted));
}

void write_axis_line(Out o, double x0, double y0, double y1, double x1) {
  fmt::format_to(o,
                 "<path class=\"axis\" d=\"M{:.1f} {:.1f}V{:.1f}H{:.1f}\" stroke=\"#444444\" "
                 "fill=\"none\"/>\n",
                 x0, y0, y1, x1);
}

void PlotLayout::start(double chart_width, double fs) {
  width = chart_width;
  x0 = kLeft;
  x1 = chart_width - kRight;
  row_h = std::round(fs * 1.3) + 2;
}

void PlotLayout::place_plot(double top, int rows, double plot_height, double fs) {
  band_top = top;
  y0 = top + static_cast<double>(rows) * row_h + (rows > 0 ? 6 : 0);
  y1 = y0 + plot_height;
  x_labels_y = y1 + fs + 6;
  x_title_y = y1 + 2 * fs + 16;
  legend_y = x_title_y + 14;
}

void write_plot_frame(Out o, const PlotLayout& L, std::string_view x_title,
                      std::string_view y_title, double fs) {
  std::string grid;
  for (double t : L.x.ticks)
    fmt::format_to(std::back_inserter(grid), "M{:.2f} {:.1f}V{:.1f}", L.px(t), L.y0, L.y1);
  for (double t : L.y.ticks)
    fmt::format_to(std::back_inserter(grid), "M{:.1f} {:.2f}H{:.1f}", L.x0, L.py(t), L.x1);
  fmt::format_to(o,
                 "<path class=\"grid\" d=\"{}\" stroke=\"{}\" stroke-width=\"1\" fill=\"none\"/>\n",
                 grid, kGrid);
  for (double t : L.y.ticks)
    write_text(o, L.x0 - 6, L.py(t) + fs * 0.35, format_number(t, L.y.decimals),
               " class=\"y-tick\" text-anchor=\"end\"");
  for (double t : L.x.ticks)
    write_text(o, L.px(t), L.x_labels_y, format_number(t, L.x.decimals),
               " class=\"x-tick\" text-anchor=\"middle\"");
  write_text(o, (L.x0 + L.x1) / 2, L.x_title_y, x_title,
             fmt::format(" class=\"x-title\" text-anchor=\"middle\" fill=\"{}\"", kInk));
  fmt::format_to(o,
                 "<text class=\"y-title\" transform=\"translate({:.1f} {:.1f}) rotate(-90)\" "
                 "text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                 L.x0 - 58, (L.y0 + L.y1) / 2, kInk, xml_escape(y_title));
}

double write_legend_texts(Out o, const PlotLayout& L, double text_x, double y,
                          std::string_view name, std::size_t entry, double fs) {
  write_text(o, text_x, y, fit_text_width(name, fs, L.label_w),
             fmt::format(" class=\"name\" fill=\"{}\"", kInk));
  const double fx = L.wrap ? text_x : text_x + L.label_w + 16;
  const double fy = L.wrap ? y + L.legend_row - 4 : y;
  write_text(o, fx, fy, fit_text_width(L.figures[entry], fs, L.width - 8 - fx),
             fmt::format(" class=\"figures\" fill=\"{}\"", kInk));
  fmt::format_to(o, "</g>\n");
  return y + (L.wrap ? 2 * L.legend_row - 4 : L.legend_row);
}

}  // namespace landbridge::chart::detail
