// Corridor model tests on the built-in Eurasian package with small inline scenarios.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "../support/scratch.h"
#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"
#include "landbridge/io/services.h"

namespace landbridge::corridor {
namespace {

const Network& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg.network;
}

std::filesystem::path write_files(const std::string& name, const std::string& toml, const std::string& csv) {
  const auto dir = testing_support::scratch_dir();
  std::filesystem::create_directories(dir);
  std::ofstream(dir / (name + ".csv")) << csv;
  std::ofstream(dir / (name + ".toml")) << toml;
  return dir / (name + ".toml");
}

// One flow Lianyungang -> Moscow through the Khorgos gauge change (1435 -> 1520) and the ERAI
// line Altynkol - Moscow (the other exits and the Semey and Orenburg lines avoided), trains of
// 41..55 FEU, a weekly feeder-free start: the only queue that matters is KZHOR's cranes.
const char* kDemand =
    "origin,destination,teu_per_week,unit,pattern,avoid\n"
    "CNLYG,RUMOW,300,FEU,poisson,RUZBK;KZDOS;KZPLX;RUREN;MNZUU;RUGRK;deep_sea;ferry\n";

std::string scenario_text(int khorgos_cranes, double horizon = 120) {
  return "[scenario]\nname = \"t\"\ndemand = \"DEMAND\"\nhorizon_days = " + std::to_string(horizon) +
         "\nwarmup_days = 20\ndrain_days = 60\nseed = 7\n"
         "[services.rail]\npolicy = \"when_full\"\nmin_teu = 82\ncapacity_teu = 110\nmax_wait_h = 72\n"
         "[[nodes]]\ncode = \"KZHOR\"\ncranes = " + std::to_string(khorgos_cranes) + "\n";
}

CorridorModel model_for(const std::string& name, const std::string& toml, const std::string& csv = kDemand) {
  std::string t = toml;
  t.replace(t.find("DEMAND"), 6, name + ".csv");
  return CorridorModel(eurasia(), load_scenario(write_files(name, t, csv)));
}

std::size_t node_index(const CorridorModel& m, const std::string& code) {
  const auto labels = m.node_labels();
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] == code) return i;
  }
  ADD_FAILURE() << "no crane resource at " << code;
  return 0;
}

TEST(CorridorModel, PlansTheFlowThroughKhorgos) {
  const CorridorModel m = model_for("plan", scenario_text(4));
  ASSERT_EQ(m.flow_count(), 1U);
  EXPECT_EQ(m.flow_label(0), "CNLYG-RUMOW");
  EXPECT_NE(m.flow_corridor(0).find("KZHOR"), std::string::npos) << m.flow_corridor(0);
  EXPECT_GT(m.flow_planned_h(0), 100.0);
  node_index(m, "KZHOR");
}

TEST(CorridorModel, SameSeedGivesBitIdenticalKpisWhateverTheThreadCount) {
  const CorridorModel m = model_for("det", scenario_text(4));
  const auto a = run_replications(m, 4, 1);
  const auto b = run_replications(m, 4, 3);
  const auto c = run_replications(m, 4, 1);
  const Summary sa = summarise(m, a), sb = summarise(m, b), sc = summarise(m, c);
  ASSERT_EQ(sa.rows.size(), sb.rows.size());
  for (std::size_t i = 0; i < sa.rows.size(); ++i) {
    // Bitwise: NaN-free KPIs compared with == on purpose.
    EXPECT_EQ(sa.rows[i].estimate.mean, sb.rows[i].estimate.mean) << sa.rows[i].metric;
    EXPECT_EQ(sa.rows[i].estimate.mean, sc.rows[i].estimate.mean) << sa.rows[i].metric;
    EXPECT_EQ(sa.rows[i].estimate.stddev, sb.rows[i].estimate.stddev) << sa.rows[i].metric;
  }
  EXPECT_EQ(summary_json(m, sa), summary_json(m, sb));
  // Different replications do differ (substream r per replication).
  EXPECT_NE(a[0].flows[0].mean_h, a[1].flows[0].mean_h);
}

TEST(CorridorModel, LittlesLawHolds) {
  const CorridorModel m = model_for("little", scenario_text(4, 400));
  for (std::size_t r = 0; r < 3; ++r) {
    const ReplicationResult res = m.run(r);
    const double lw = res.arrival_rate_per_day * res.mean_time_in_system_d;
    EXPECT_GT(res.mean_in_system, 10.0);
    EXPECT_NEAR(res.mean_in_system, lw, 0.05 * lw) << "replication " << r;
  }
}

TEST(CorridorModel, DoublingKhorgosCranesLowersTheP95Wait) {
  const CorridorModel four = model_for("c4", scenario_text(4));
  const CorridorModel eight = model_for("c8", scenario_text(8));
  const std::size_t k4 = node_index(four, "KZHOR"), k8 = node_index(eight, "KZHOR");
  for (std::size_t r = 0; r < 3; ++r) {  // common random numbers: same arrivals per replication
    const ReplicationResult a = four.run(r), b = eight.run(r);
    EXPECT_EQ(a.flows[0].boxes, b.flows[0].boxes);
    EXPECT_EQ(a.nodes[k4].cranes, 4.0);
    EXPECT_EQ(b.nodes[k8].cranes, 8.0);
    EXPECT_LT(b.nodes[k8].p95_wait_h, a.nodes[k4].p95_wait_h) << "replication " << r;
    EXPECT_LT(b.nodes[k8].utilisation, a.nodes[k4].utilisation);
  }
}

TEST(CorridorModel, TrainsRespectTheirLengthAndRecordsAddUp) {
  const CorridorModel m = model_for("rec", scenario_text(4));
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  ASSERT_FALSE(recs.empty());
  for (const ServiceKpi& s : r.services) {
    EXPECT_LE(s.load_factor, 1.0);
    EXPECT_GE(s.load_factor, 0.0);
  }
  for (const BoxRecord& b : recs) {
    if (b.delivered_h < 0) continue;
    const double parts = b.wait_departure_h + b.wait_crane_h + b.service_crane_h + b.border_h + b.handling_h +
                         b.closure_h + b.running_h + b.wait_path_h + b.dwell_h;
    EXPECT_NEAR(parts, b.transit_h(), 1e-6) << "box " << b.id;
    EXPECT_GE(b.transit_h(), 0.5 * m.flow_planned_h(0));
  }
  const std::string csv = records_csv(m, recs);
  EXPECT_EQ(csv.substr(0, 18), "id,flow,ready_h,de");
}

TEST(CorridorModel, ClosingKhorgosHoldsBoxes) {
  const std::string base = scenario_text(8);
  const CorridorModel open = model_for("open", base);
  const CorridorModel shut = model_for("shut", base + "[[closures]]\nnode = \"KZHOR\"\nfrom_day = 40\nto_day = 50\n");
  std::vector<BoxRecord> ro, rs;
  (void)open.run(0, &ro);
  (void)shut.run(0, &rs);
  double held = 0;
  for (const BoxRecord& b : rs) held += b.closure_h;
  for (const BoxRecord& b : ro) EXPECT_EQ(b.closure_h, 0.0);
  EXPECT_GT(held, 100.0);
}

// Line capacity on the 1520 line out of Khorgos: fewer train paths a day, longer waits for a
// path and longer transits, with the same boxes (common random numbers).
TEST(CorridorModel, FewerTrainPathsLengthenThePathWait) {
  const std::string base = scenario_text(8);
  const CorridorModel one = model_for("paths1", base + "[[links]]\nid = \"rail-KZHOR-RUMOW\"\ntrains_per_day = 1\n");
  const CorridorModel half = model_for("paths05", base + "[[links]]\nid = \"rail-KZHOR-RUMOW\"\ntrains_per_day = 0.5\n");
  ASSERT_EQ(one.link_labels(), std::vector<std::string>{"rail-KZHOR-RUMOW"});
  for (std::size_t r = 0; r < 3; ++r) {
    const ReplicationResult a = one.run(r), b = half.run(r);
    EXPECT_EQ(a.flows[0].boxes, b.flows[0].boxes);
    ASSERT_EQ(a.links.size(), 1U);
    EXPECT_GT(a.links[0].trains, 10.0);
    EXPECT_LT(a.links[0].mean_wait_h, b.links[0].mean_wait_h) << "replication " << r;
    EXPECT_LT(a.flows[0].p95_h, b.flows[0].p95_h) << "replication " << r;
    EXPECT_NEAR(b.links[0].utilisation, 2 * a.links[0].utilisation, 0.1);
  }
  try {
    (void)model_for("badlink", base + "[[links]]\nid = \"rail-NOWHERE\"\ntrains_per_day = 3\n");
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("rail-NOWHERE"), std::string::npos) << e.what();
  }
}

// Khorgos closed for 30 days. "wait": boxes hold at KZHOR until it reopens. "reroute": boxes
// that meet the closure ahead of them re-plan from where they are without KZHOR (the flow's
// node pins are dropped, its mode exclusions kept) and cross at Dostyk; same seed, same boxes.
TEST(CorridorModel, KhorgosClosureReroutedViaDostykLowersTheP95) {
  std::string base = scenario_text(8);
  const std::string closure = "[[closures]]\nnode = \"KZHOR\"\nfrom_day = 40\nto_day = 70\n";
  std::string rr = base;
  rr.insert(rr.find("seed = 7\n") + 9, "on_closure = \"reroute\"\n");
  const CorridorModel wait = model_for("cl-wait", base + closure);
  const CorridorModel reroute = model_for("cl-reroute", rr + closure);
  const auto labels = reroute.node_labels();
  const auto dostyk = std::find(labels.begin(), labels.end(), "KZDOS");
  ASSERT_NE(dostyk, labels.end()) << "the re-route's gauge change at Dostyk";
  const auto kd = static_cast<std::size_t>(dostyk - labels.begin());
  for (std::size_t r = 0; r < 3; ++r) {
    std::vector<BoxRecord> rw, rr2;
    const ReplicationResult a = wait.run(r, &rw), b = reroute.run(r, &rr2);
    EXPECT_EQ(a.flows[0].boxes, b.flows[0].boxes);
    EXPECT_EQ(a.flows[0].rerouted, 0.0);
    EXPECT_GT(b.flows[0].rerouted, 20.0) << "replication " << r;
    EXPECT_GT(b.nodes[kd].utilisation, 0.0);
    EXPECT_LT(b.flows[0].p95_h, a.flows[0].p95_h) << "replication " << r;
    double held_w = 0, held_r = 0;
    for (const BoxRecord& x : rw) held_w += x.closure_h;
    for (const BoxRecord& x : rr2) {
      held_r += x.closure_h;
      EXPECT_LE(x.reroutes, 1U);  // one closure: one re-plan at most
      if (x.delivered_h < 0) continue;
      const double parts = x.wait_departure_h + x.wait_crane_h + x.service_crane_h + x.border_h + x.handling_h +
                           x.closure_h + x.running_h + x.wait_path_h + x.dwell_h;
      EXPECT_NEAR(parts, x.transit_h(), 1e-6) << "box " << x.id;
    }
    EXPECT_LT(held_r, 0.5 * held_w);  // only boxes already at Khorgos still wait there
  }
}

TEST(Scenario, BadFieldIsNamedWithFileAndLine) {
  const auto p = write_files("bad", "[scenario]\ndemand = \"bad.csv\"\nhorizon_days = \"long\"\n", kDemand);
  try {
    (void)load_scenario(p);
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("scenario.horizon_days"), std::string::npos) << msg;
    EXPECT_NE(msg.find("bad.toml:3"), std::string::npos) << msg;
  }
  const auto q = write_files("typo", "[scenario]\ndemand = \"typo.csv\"\nhorizn_days = 3\n", kDemand);
  EXPECT_THROW(
      {
        try {
          (void)load_scenario(q);
        } catch (const ScenarioError& e) {
          EXPECT_NE(std::string(e.what()).find("scenario.horizn_days"), std::string::npos) << e.what();
          throw;
        }
      },
      ScenarioError);
  const auto u = write_files("unit", "[scenario]\ndemand = \"unit.csv\"\n",
                             "origin,destination,teu_per_week,unit,pattern\nCNLYG,RUMOW,10,BOX,uniform\n");
  try {
    (void)load_scenario(u);
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("unit.csv:2: field 'unit'"), std::string::npos) << e.what();
  }
}

// The Caspian-fleet what-if of examples/scenarios: one ferry instead of two cannot carry the
// 500 TEU a week to Istanbul, so the Trans-Caspian P95 rises by days (same boxes).
TEST(Scenario, CaspianFleetHalfRaisesTheTransCaspianP95) {
  const auto dir = std::filesystem::path(LANDBRIDGE_DATA_DIR) / ".." / "examples" / "scenarios";
  const CorridorModel base(eurasia(), load_scenario(dir / "hakata-busan-europe-caspian.toml"));
  const CorridorModel half(eurasia(), load_scenario(dir / "hakata-busan-europe-caspian-fleet-half.toml"));
  ASSERT_EQ(base.scenario().ferry.fleet, 2);
  ASSERT_EQ(half.scenario().ferry.fleet, 1);
  std::size_t f = base.flow_count();
  for (std::size_t i = 0; i < base.flow_count(); ++i) {
    if (base.flow_label(i) == "CNLYG-TRHAL") f = i;
  }
  ASSERT_LT(f, base.flow_count());
  ASSERT_NE(base.flow_corridor(f).find("KZKUR"), std::string::npos) << base.flow_corridor(f);
  for (std::size_t r = 0; r < 2; ++r) {
    const ReplicationResult a = base.run(r), b = half.run(r);
    EXPECT_EQ(a.flows[f].boxes, b.flows[f].boxes);
    EXPECT_GT(b.flows[f].p95_h, a.flows[f].p95_h + 100.0) << "replication " << r;
  }
}

TEST(Scenario, ExampleScenarioLoads) {
  const Scenario s = load_scenario(std::filesystem::path(LANDBRIDGE_DATA_DIR) / ".." / "examples" / "scenarios" /
                                   "hakata-busan-europe.toml");
  EXPECT_EQ(s.flows.size(), 5U);
  EXPECT_EQ(s.ferry.fleet, 2);
  EXPECT_EQ(s.rail.capacity_teu, 110);
}

// The example scenario with every mode on the package's timetable (services.csv), at 40 % of
// its demand: the package runs two 100-TEU Lianyungang - Khorgos trains a week, less than the
// full example's 440 TEU a week, so the full demand would pile up at Lianyungang.
TEST(CorridorModel, ExampleRunsOnThePackageTimetable) {
  Diagnostics diags;
  const auto services = io::load_services(io::default_package_dir(), eurasia(), diags);
  ASSERT_FALSE(services.empty());
  Scenario s = load_scenario(std::filesystem::path(LANDBRIDGE_DATA_DIR) / ".." / "examples" / "scenarios" /
                             "hakata-busan-europe.toml");
  s.sea.kind = s.rail.kind = s.ferry.kind = ServicePolicy::Kind::timetable;
  for (FlowSpec& f : s.flows) f.teu_per_week *= 0.4;
  const CorridorModel m(eurasia(), s, services);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  for (std::size_t f = 0; f < m.flow_count(); ++f) {
    EXPECT_GT(r.flows[f].boxes, 50.0) << m.flow_label(f);
    EXPECT_EQ(r.flows[f].undelivered, 0.0) << m.flow_label(f);
    EXPECT_GT(r.flows[f].mean_h, 0.8 * m.flow_planned_h(f)) << m.flow_label(f);
    EXPECT_LT(r.flows[f].mean_h, 3.0 * m.flow_planned_h(f)) << m.flow_label(f);
  }
  for (const ServiceKpi& k : r.services) {
    EXPECT_GT(k.departures, 0.0);
    EXPECT_LE(k.load_factor, 1.0 + 1e-12);
  }
  for (const BoxRecord& b : recs) {
    if (b.delivered_h < 0) continue;
    const double parts = b.wait_departure_h + b.wait_crane_h + b.service_crane_h + b.border_h + b.handling_h +
                         b.closure_h + b.running_h + b.wait_path_h + b.dwell_h;
    EXPECT_NEAR(parts, b.transit_h(), 1e-6) << "box " << b.id;
  }
}

}  // namespace
}  // namespace landbridge::corridor
