// Greenhouse-gas emissions of a transport chain, structured as in ISO 14083 / GLEC.
//
// A chain is a sequence of transport operations (legs) and hub operations (transfers at
// nodes). For each:
//   leg  = cargo mass × distance × intensity   (g CO2e per tonne-km; well-to-wheel, with its
//                                              tank-to-wheel part reported alongside)
//   hub  = cargo mass × hub intensity          (kg CO2e per tonne handled; the package gives one
//                                              well-to-wheel figure, so hubs add nothing to TTW)
//   chain = Σ legs + Σ hubs.
// Cargo mass comes from the shipment: a count of loaded TEU or FEU boxes, each weighing the
// network's mass per TEU (default 10 t) or, for an FEU, `feu_mass_ratio` × that (default 2).
//
// Every result is in whole grams (GramsCo2e, integer): each leg or hub operation is rounded
// once, for one box; a shipment of N boxes is N × the one-box figure, so totals are exact
// sums and scale exactly with N.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "landbridge/core/units.h"
#include "landbridge/model/container_unit.h"
#include "landbridge/model/network.h"

namespace landbridge::emissions {

// The unit of a shipment is a model concept (model/container_unit.h); these names keep the
// spelling emissions::ContainerUnit working for callers that count boxes for emissions.
using landbridge::ContainerUnit;
using landbridge::parse_container_unit;
using landbridge::to_string;

// What is shipped: `count` loaded boxes of one unit.
struct Shipment {
  ContainerUnit unit = ContainerUnit::teu;
  std::int32_t count = 1;
  friend bool operator==(const Shipment&, const Shipment&) = default;
};

// Cargo mass per box.
struct MassModel {
  Tonnes per_teu{10.0};
  double feu_mass_ratio = 2.0;  // an FEU carries this many TEU worth of cargo mass

  // The network's mass per TEU with the given FEU ratio.
  static MassModel of(const Network& net, double feu_mass_ratio = 2.0);
  [[nodiscard]] Tonnes per_box(ContainerUnit u) const;
  [[nodiscard]] Tonnes of(Shipment s) const { return per_box(s.unit) * s.count; }
};

// Well-to-wheel emissions with the tank-to-wheel part of them.
struct Co2e {
  GramsCo2e wtw{0};
  GramsCo2e ttw{0};
  Co2e& operator+=(Co2e o) {
    wtw += o.wtw;
    ttw += o.ttw;
    return *this;
  }
  friend Co2e operator+(Co2e a, Co2e b) { return a += b; }
  friend Co2e operator*(Co2e a, std::int64_t n) { return {a.wtw * n, a.ttw * n}; }
  friend bool operator==(Co2e, Co2e) = default;
};

// One transport operation: mass × distance × intensity, WTW and TTW each rounded to a gram.
Co2e leg(Tonnes mass, Kilometres distance, const EmissionFactor& factor);
// One hub operation: mass × intensity (kg CO2e per tonne), rounded to a gram. Counts as WTW
// only (ttw = 0): the package format gives hubs a single, well-to-wheel figure.
Co2e hub(Tonnes mass, double kg_co2e_per_t);

// Sums a chain, keeping transport and hub parts apart (ISO 14083 reports both).
class Chain {
 public:
  Chain& add_leg(Co2e c) {
    transport_ += c;
    return *this;
  }
  Chain& add_hub(Co2e c) {
    hubs_ += c;
    return *this;
  }
  [[nodiscard]] Co2e transport() const { return transport_; }
  [[nodiscard]] Co2e hubs() const { return hubs_; }
  [[nodiscard]] Co2e total() const { return transport_ + hubs_; }

 private:
  Co2e transport_;
  Co2e hubs_;
};

}  // namespace landbridge::emissions
