// Fuzzes a corridor scenario (TOML). The scenario names its demand CSV; the scratch folder
// holds a valid demand.csv, so scenarios that name it are read to the end.
#include <fstream>

#include "landbridge/corridor/scenario.h"
#include "support.h"

using namespace landbridge;

namespace {

const std::filesystem::path& scenario_file() {
  static const std::filesystem::path file = [] {
    const auto dir = fuzz::scratch_dir();
    std::ofstream(dir / "demand.csv") << "origin,destination,teu_per_week,unit,pattern,avoid\n"
                                         "JPHKT,DEDUI,20,feu,poisson,\n"
                                         "KRPUS,TRIST,5.5,teu,uniform,caspian;RU\n";
    return dir / "scenario.toml";
  }();
  return file;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text(data, size);
  // A demand file that is a device reads without end: a known issue with its own fix (bounded
  // reads of regular files only), kept out of the way here so the fuzzer looks elsewhere.
  for (const char* dev : {"/dev", "/proc", "/sys", "\\u", "\\U"})
    if (text.find(dev) != std::string_view::npos) return 0;
  try {
    (void)corridor::parse_scenario(text, scenario_file());
  } catch (const corridor::ScenarioError&) {
    // The documented failure.
  }
  return 0;
}
