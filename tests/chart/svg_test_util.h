// Reading drawn SVG back in the chart tests: numbers as labelled, elements by class, an axis as
// drawn from its tick labels, and path data as vertices.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "landbridge/chart/svg.h"
#include "xml.h"

namespace landbridge::chart::testing {

// A number as a label writes it ("12,500" → 12500).
inline double num(const std::string& s) {
  std::string t;
  for (char c : s)
    if (c != ',') t += c;
  return std::stod(t);
}

// The elements `name` below root whose whitespace-separated class names include cls.
inline std::vector<const XmlElement*> with_class(const XmlElement& root, std::string_view name,
                                                 const std::string& cls) {
  std::vector<const XmlElement*> out;
  for (const XmlElement* e : root.all(name)) {
    const std::string c = e->attr("class");
    std::size_t at = 0;
    for (;;) {
      const std::size_t end = std::min(c.find(' ', at), c.size());
      if (c.compare(at, end - at, cls) == 0) {
        out.push_back(e);
        break;
      }
      if (end == c.size()) break;
      at = end + 1;
    }
  }
  return out;
}

// Value → px along one axis, from its first and last tick labels.
struct DrawnAxis {
  double v0 = 0, p0 = 0, v1 = 0, p1 = 0;
  [[nodiscard]] double px(double v) const { return p0 + (v - v0) / (v1 - v0) * (p1 - p0); }
};
// x ticks are centred on their tick; y tick labels have their baseline fs · 0.35 below it.
inline DrawnAxis axis_of(const XmlElement& svg, bool x_axis, double fs = 12) {
  const auto ticks = with_class(svg, "text", x_axis ? "x-tick" : "y-tick");
  EXPECT_GE(ticks.size(), 2u);
  const auto pos = [&](const XmlElement* t) {
    return x_axis ? std::stod(t->attr("x")) : std::stod(t->attr("y")) - fs * 0.35;
  };
  return {num(ticks.front()->text), pos(ticks.front()), num(ticks.back()->text), pos(ticks.back())};
}

// Absolute M/L/H/V/Z path data → vertices; H and V repeat the other coordinate, Z adds nothing
// (the polygon closes itself). Anything else throws.
inline std::vector<std::pair<double, double>> vertices(const std::string& d) {
  std::vector<std::pair<double, double>> out;
  std::size_t i = 0;
  const auto number = [&] {
    char* end = nullptr;
    const double v = std::strtod(d.c_str() + i, &end);
    if (end == d.c_str() + i)
      throw std::runtime_error("bad path data at " + std::to_string(i) + ": " + d);
    i = static_cast<std::size_t>(end - d.c_str());
    while (i < d.size() && d[i] == ' ') ++i;
    return v;
  };
  while (i < d.size()) {
    const char c = d[i++];
    if (c == 'M' || c == 'L') {
      const double x = number();
      out.emplace_back(x, number());
    } else if (c == 'H') {
      out.emplace_back(number(), out.back().second);
    } else if (c == 'V') {
      out.emplace_back(out.back().first, number());
    } else if (c != 'Z') {
      throw std::runtime_error(std::string("unexpected path command in ") + d);
    }
  }
  return out;
}

// Every start-anchored text (no text-anchor, not rotated) lies between x = 0 and the document's
// width by its estimated extent (estimate_text_width; bold a tenth wider).
inline void expect_start_anchored_text_inside(const XmlElement& svg) {
  const double width = std::stod(svg.attr("width"));
  for (const XmlElement* t : svg.all("text")) {
    if (!t->attr("text-anchor").empty() || !t->attr("transform").empty())
      continue;  // start-anchored only
    const double fs = t->attr("font-size").empty() ? 12 : std::stod(t->attr("font-size"));
    const double w =
        estimate_text_width(t->text, fs) * (t->attr("font-weight") == "bold" ? 1.1 : 1.0);
    EXPECT_LE(std::stod(t->attr("x")) + w, width) << t->text;
    EXPECT_GE(std::stod(t->attr("x")), 0) << t->text;
  }
}

}  // namespace landbridge::chart::testing
