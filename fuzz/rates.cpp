// Fuzzes rates.csv against the reference network, then asks the table for factors.
#include "landbridge/io/rates.h"
#include "support.h"

using namespace landbridge;

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const io::LoadedPackage& pkg = fuzz::reference_package();
  Diagnostics diags;  // problems are reported here, never thrown
  const io::RateTable table = io::load_rates_text(fuzz::text(data, size), pkg.network, diags);
  io::check_rate_services(table, {"FDR-HKT-LYG"}, diags);
  if (!diags.empty()) return 0;
  const timetable::CivilDate day{2026, 12, 1};
  for (const timetable::CivilDate& d : table.change_days()) {
    (void)table.link_factor("feeder-JPHKT-KRPUS", Mode::rail, d);
    (void)table.operation_factor(OperationKind::handling, "KZHOR", d);
  }
  (void)table.service_factor("FDR-HKT-LYG", Mode::rail, day);
  (void)io::scaled(usd(1234.5), table.link_factor("feeder-JPHKT-KRPUS", Mode::rail, day));
  return 0;
}
