// Network packages generated for tests at the documented limits, written as files (the loader
// and its limits run as for a user's package) into the test's scratch folder.
#pragma once

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "landbridge/io/package.h"

namespace landbridge::route::test {

// Node i's code: XX + three characters of [A-Z2-9] (a valid UN/LOCODE shape).
inline std::string generated_code(int i) {
  static const std::string kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789";
  const int n = static_cast<int>(kAlphabet.size());
  return "XX" + std::string(1, kAlphabet[static_cast<std::size_t>(i / (n * n))]) +
         kAlphabet[static_cast<std::size_t>(i / n % n)] + kAlphabet[static_cast<std::size_t>(i % n)];
}

struct GeneratedPackage {
  std::string links;       // rows of links.csv (after the header)
  std::string operations;  // rows of operations.csv (after the header)
  int nodes = 0;
  double mass_per_teu_t = 10;
};

inline std::filesystem::path write_package(const std::filesystem::path& dir, const GeneratedPackage& g) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "network.toml") << fmt::format(
      "format = \"landbridge-network/1\"\nname = \"generated\"\nversion = \"test\"\nmass_per_teu_t = {}\n"
      "feu_teu_cost_ratio = 1\nfeu_teu_cost_ratio_note = \"assumption of this test package\"\n",
      g.mass_per_teu_t);
  std::ofstream(dir / "sources.csv") << "key,title,url,date,note\n";
  std::ofstream(dir / "emission_factors.csv")
      << "id,mode,description,wtw,ttw,basis,sources,note\n"
         "road-max,road,truck at the intensity limit,100000,100000,assumption,,test figure\n";
  std::ofstream nodes(dir / "nodes.csv");
  nodes << "code,name,country,kind,lat,lon,timezone,aliases,sources,basis,note\n";
  for (int i = 0; i < g.nodes; ++i)
    nodes << fmt::format("{},Node {},XX,rail_terminal,{},{},UTC,,,assumption,test\n", generated_code(i), i,
                         (i % 100) * 0.5, (i / 100) * 0.5);
  std::ofstream(dir / "links.csv")
      << "id,from,to,mode,distance,duration,cost_teu,cost_feu,emission_factor,basis,note\n" << g.links;
  std::ofstream(dir / "operations.csv")
      << "node,kind,arrive,depart,duration,cost_teu,cost_feu,hub_co2e,basis,note\n" << g.operations;
  return dir;
}

// L layers of two parallel road links between nodes i and i + 1: one faster and dearer, one
// slower and cheaper by 2^i (minutes and USD), so all 2^L paths have distinct, mutually
// non-dominated (time, cost) with equal CO2e.
inline GeneratedPackage layered_package(int layers) {
  GeneratedPackage g;
  g.nodes = layers + 1;
  for (int i = 0; i < layers; ++i) {
    const long step = 1L << i;
    const std::string a = generated_code(i), b = generated_code(i + 1);
    g.links += fmt::format("fast{},{},{},road,10 km,60 min,{},{},road-max,assumption,test\n", i, a, b, 100 + step,
                           100 + step);
    g.links += fmt::format("slow{},{},{},road,10 km,{} min,100,100,road-max,assumption,test\n", i, a, b, 60 + step);
  }
  return g;
}

// A chain of `legs` road links with every figure at its package limit (50,000 km, 365 d,
// 10,000,000 USD per TEU and FEU, 100,000 g/tkm, 100 t per TEU) and, at every node, a
// handling, a border and a dwell operation of 365 d, 10,000,000 USD and 10,000 kg CO2e/t.
inline GeneratedPackage chain_at_limits(int legs) {
  GeneratedPackage g;
  g.nodes = legs + 1;
  g.mass_per_teu_t = 100;
  for (int i = 0; i < legs; ++i)
    g.links += fmt::format("max{},{},{},road,50000 km,365 d,10000000,10000000,road-max,assumption,test\n", i,
                           generated_code(i), generated_code(i + 1));
  for (int i = 0; i <= legs; ++i)
    for (const char* kind : {"handling", "border", "dwell"})
      g.operations += fmt::format("{},{},*,*,365 d,10000000,10000000,10000,assumption,test\n", generated_code(i), kind);
  return g;
}

}  // namespace landbridge::route::test
