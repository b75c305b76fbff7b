// Helpers for the chart tests: a portable seeded generator and a compact way to write series.
#pragma once

#include <cstdint>
#include <string>

#include "landbridge/chart/series.h"
#include "landbridge/core/splitmix.h"

namespace landbridge::chart::testing {

// Seeded portable draws (core/splitmix.h).
using Rng = SplitMix64;

// Writes a series step by step with increments:
//   SeriesWriter("all-sea", "JPHKT").node("handling", 10, 0).leg("deep_sea", "NLRTM", 20000, 780, 3500, 1500)
class SeriesWriter {
 public:
  SeriesWriter(std::string label, std::string origin) {
    s_.label = std::move(label);
    p_.node = std::move(origin);
    s_.points.push_back(p_);
  }
  SeriesWriter& leg(std::string what, std::string to, double km, double h, double usd_, double kg = 0) {
    p_.kind = PointKind::leg;
    p_.km += Kilometres(km);
    p_.node = std::move(to);
    return add(std::move(what), h, usd_, kg);
  }
  SeriesWriter& node(std::string what, double h, double usd_, double kg = 0) {
    p_.kind = PointKind::node;
    return add(std::move(what), h, usd_, kg);
  }
  SeriesWriter& wait(std::string what, double h) {
    p_.kind = PointKind::wait;
    return add(std::move(what), h, 0, 0);
  }
  SeriesWriter& at(std::string code) {  // the next node steps happen here (no movement)
    p_.node = std::move(code);
    return *this;
  }
  [[nodiscard]] ChartSeries done() const { return s_; }

 private:
  SeriesWriter& add(std::string what, double h, double usd_, double kg) {
    p_.what = std::move(what);
    p_.time += hours(h);
    p_.cost += usd(usd_);
    p_.co2e += kg_co2e(kg);
    s_.points.push_back(p_);
    return *this;
  }
  ChartSeries s_;
  ChartPoint p_;
};

}  // namespace landbridge::chart::testing
