// Text and colour helpers that every SVG chart shares (the time/cost–distance chart svg.h, the
// generic plots histogram.h and timeseries.h), so that they look alike. Depends on nothing but
// the standard library: the generic plots use it without reaching the route layer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace landbridge::chart {

// Escapes & < > " ' for XML text and attribute values.
std::string xml_escape(std::string_view s);

// The number of series colours before the cycle repeats.
inline constexpr std::size_t kSeriesColours = 7;
// The colour of series i (0-based): seven Okabe–Ito colours (colour-blind safe, the last black),
// cycling.
std::string_view series_colour(std::size_t i);
// Estimated width in px of `s` (UTF-8) at font size `fs` px, from character classes; errs on
// the wide side for DejaVu Sans / Liberation Sans.
double estimate_text_width(std::string_view s, double fs);
// `s` cut to fit `max_w` px at font size `fs`, ending with an ellipsis when cut.
std::string fit_text_width(std::string_view s, double fs, double max_w);

}  // namespace landbridge::chart
