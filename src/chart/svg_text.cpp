// Text and colour helpers shared by every SVG chart (svg.h, histogram.h, timeseries.h).
#include "landbridge/chart/svg_text.h"

#include <array>
#include <cstdint>

namespace landbridge::chart {

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// Okabe–Ito (colour-blind safe) without its yellow, too pale on white.
constexpr std::array<const char*, 7> kPalette = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                                 "#E69F00", "#56B4E9", "#000000"};
static_assert(kPalette.size() == kSeriesColours);

// Advance of one character in em, by class (close to DejaVu Sans, rounded up).
double char_em(std::uint32_t c) {
  if (c == ' ') return 0.32;
  if (c >= '0' && c <= '9') return 0.64;
  if (c == 'i' || c == 'l' || c == 'j' || c == '.' || c == ',' || c == ':' || c == '\'' || c == '|') return 0.30;
  if (c == 'f' || c == 't' || c == 'r' || c == '(' || c == ')' || c == '-') return 0.40;
  if (c == 'm' || c == 'w') return 0.90;
  if (c >= 'a' && c <= 'z') return 0.60;
  if (c == 'M' || c == 'W') return 0.86;
  if (c >= 'A' && c <= 'Z') return 0.72;
  if (c == 0x00B7) return 0.32;  // middle dot
  return 0.80;                   // dashes, arrows, anything else
}
// Decodes UTF-8 leniently (a stray byte counts as one character).
template <class F>
void for_each_char(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
    if (i + n > s.size()) n = 1;
    std::uint32_t c = n == 1 ? b : b & (0xFFu >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    f(c, i, n);
    i += n;
  }
}
double text_width(std::string_view s, double fs) {
  double em = 0;
  for_each_char(s, [&](std::uint32_t c, std::size_t, std::size_t) { em += char_em(c); });
  return em * fs;
}
// Cuts `s` to fit `max_w`, ending with an ellipsis when cut.
std::string fit_text(std::string_view s, double fs, double max_w) {
  if (text_width(s, fs) <= max_w) return std::string(s);
  const double budget = max_w - char_em(0x2026) * fs;
  double w = 0;
  std::size_t cut = 0;
  bool full = false;
  for_each_char(s, [&](std::uint32_t c, std::size_t i, std::size_t n) {
    if (full) return;
    w += char_em(c) * fs;
    if (w > budget) {
      full = true;
      return;
    }
    cut = i + n;
  });
  return std::string(s.substr(0, cut)) + "\u2026";
}

}  // namespace

std::string_view series_colour(std::size_t i) { return kPalette[i % kPalette.size()]; }
double estimate_text_width(std::string_view s, double fs) { return text_width(s, fs); }
std::string fit_text_width(std::string_view s, double fs, double max_w) { return fit_text(s, fs, max_w); }

}  // namespace landbridge::chart
