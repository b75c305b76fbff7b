#include "landbridge/emissions/emissions.h"

#include <cmath>

namespace landbridge::emissions {

MassModel MassModel::of(const Network& net, double feu_mass_ratio) {
  return MassModel{net.mass_per_teu(), feu_mass_ratio};
}

Tonnes MassModel::per_box(ContainerUnit u) const {
  return u == ContainerUnit::feu ? per_teu * feu_mass_ratio : per_teu;
}

Co2e leg(Tonnes mass, Kilometres distance, const EmissionFactor& factor) {
  return {leg_emissions(mass, distance, factor.wtw), leg_emissions(mass, distance, factor.ttw)};
}

Co2e hub(Tonnes mass, double kg_co2e_per_t) {
  return {GramsCo2e(static_cast<std::int64_t>(std::llround(mass.value() * kg_co2e_per_t * 1000.0))),
          GramsCo2e(0)};
}

}  // namespace landbridge::emissions
