// Corridor simulation scenarios: demand flows, service policies, what-if overrides and
// closures, read from a TOML file (format in docs/corridor-simulation.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/error.h"

namespace landbridge::corridor {

// A scenario that cannot be read: the message names the file, line (when known) and field.
class ScenarioError : public Error {
 public:
  using Error::Error;
};

// How a flow's boxes become ready: a Poisson stream of boxes; each week's volume spread
// uniformly over the week; batches of `batch` boxes at once, the batches a Poisson stream;
// or the week's volume split evenly over the weekdays of `weekdays`, at 00:00; or the
// booked batches of `booked`, each at its own ready time (the scenario's bookings file).
enum class ReadyPattern : std::uint8_t { uniform, poisson, batch, weekly, bookings };

// A booking: `boxes` boxes ready together at `ready_h` hours after the scenario's start_date.
struct BookedBatch {
  double ready_h = 0;
  int boxes = 1;
  int line = 0;                      // physical line in the bookings file
};

// One origin-destination demand flow (a row of the demand CSV).
struct FlowSpec {
  std::string origin;                // code, name or alias (route/locate.h)
  std::string destination;
  double teu_per_week = 0;
  int teu_per_box = 1;               // 1 (TEU) or 2 (FEU)
  ReadyPattern pattern = ReadyPattern::uniform;
  int batch = 1;                     // pattern batch: boxes ready together
  std::uint8_t weekdays = 0;         // pattern weekly: bit d = ready on day d of the week (0 = Monday)
  int klass = 0;                     // priority class (lower served first where discipline = priority)
  std::vector<std::string> avoid;    // items for route::add_avoid (to pin the corridor)
  // When not empty: the node codes (or names, aliases) the flow passes, origin first and
  // destination last; each consecutive pair over its link (the cheapest per box where several
  // join the pair) instead of the planner's route. `avoid` is then not used.
  std::vector<std::string> path;
  std::vector<BookedBatch> booked;   // pattern bookings: the batches, by ready time
  int line = 0;                      // physical line in the demand file (0: not from a file);
                                     // pattern bookings: the first row of the flow in the bookings file
};

// How vehicles leave on links of one mode.
struct ServicePolicy {
  enum class Kind : std::uint8_t {
    schedule,   // departures every headway_h from offset_h; boxes that don't fit wait
    when_full,  // leaves when min_teu are waiting or the oldest box waited max_wait_h
    timetable,  // the package's services: each trip leaves at its timetabled time with the
                // service's capacity_teu (capacity_teu here where the service states none)
  };
  Kind kind = Kind::schedule;
  double headway_h = 168;
  double offset_h = 0;
  double capacity_teu = 1e9;
  double min_teu = 0;
  double max_wait_h = 168;
  int fleet = 0;                     // when_full: vessels cycling; 0 (the default) = no fleet
                                     // limit, a vessel is always in port
};

// A node operation's service time in hours (scenario [[operations]] service = {...}).
struct ServiceTimeSpec {
  enum class Dist : std::uint8_t { fixed, exponential, lognormal, triangular, pert, empirical };
  Dist dist = Dist::fixed;
  double value_h = 0;                // fixed
  double mean_h = 0, cv = 0;         // exponential (mean), lognormal (mean, coefficient of variation)
  double min_h = 0, mode_h = 0, max_h = 0;  // triangular, pert
  std::vector<double> values_h;      // empirical: the observations, each drawn with equal chance
  std::string source;                // empirical: where the observations come from
};

// A node operation as a queue (scenario [[operations]]): overrides what the package states.
struct OperationSpec {
  std::string node;                  // code, name or alias
  std::string kind;                  // handling | gauge_change | border | customs | dwell
  int servers = 0;                   // parallel servers; 0 = no queue (a pure delay)
  bool per_train = false;            // "train": a vehicle's load served at once; else each box
  bool priority = false;             // discipline priority (by the flow's class), else FIFO
  bool has_service = false;          // service given; else the operation's duration range
  ServiceTimeSpec service;
  int line = 0;                      // line of its [[operations]] table in the scenario file
};

// Per-node what-if for the gauge-change cranes.
struct NodeOverride {
  std::string code;
  int cranes = 0;                    // 0: the operation's `cranes`, else the scenario default
  double cranes_factor = 1.0;        // multiplies the crane count (rounded, at least 1)
  double moves_per_hour = 0;         // 0: service time from the operation's duration range
  bool apply_dwell = false;          // apply the node's dwell operations (per vehicle), see docs
  int line = 0;                      // line of its [[nodes]] table in the scenario file
};

// Line capacity of a rail link: train paths a day (path slots every 24 / trains_per_day h).
struct LinkOverride {
  std::string id;                    // link id (links.csv)
  double trains_per_day = 0;         // > 0
  int line = 0;                      // line of its [[links]] table in the scenario file
};

// A node, link or sea passage closed between two times (days from the start).
struct Closure {
  enum class Kind : std::uint8_t { node, link, passage };
  Kind kind = Kind::node;
  std::string what;
  double from_day = 0;
  double to_day = 0;
  int line = 0;                      // line of its [[closures]] table in the scenario file
};

// A gauge change's cranes cut for a while (breakdowns, works, a strike): between from_day and
// to_day the node has `cranes` cranes (or its cranes × cranes_factor, rounded, at least 1).
// Lifts under way when the cut starts finish; the cranes come back at to_day.
struct CapacityCut {
  std::string node;                  // a gauge-change node some flow's route uses
  int cranes = 0;                    // > 0: the count during the cut; 0: use cranes_factor
  double cranes_factor = 1;
  double from_day = 0;
  double to_day = 0;
  int line = 0;                      // line of its [[capacity_cuts]] table in the scenario file
};

// What a box does when a closed node lies ahead on its route.
enum class OnClosure : std::uint8_t {
  wait,     // holds at the closed node until it reopens
  reroute,  // re-plans from where it is, avoiding the nodes closed at that moment
};

struct Scenario {
  std::filesystem::path file;          // the scenario file (messages); empty when built in code
  std::string name;
  std::filesystem::path network_dir;   // empty: built-in package
  std::filesystem::path demand_file;   // empty: no demand flows (bookings only)
  std::filesystem::path bookings_file; // empty: no bookings
  std::vector<FlowSpec> flows;
  double horizon_days = 365;           // boxes become ready in [0, horizon)
  double warmup_days = 28;             // boxes ready before this are not measured
  double drain_days = 120;             // the run continues this long after the horizon
  int replications = 10;
  std::uint64_t seed = 42;
  double on_time_tolerance_h = 48;     // on time: transit <= static planned time + tolerance
  int default_cranes = 4;              // gauge-change cranes where the data states none
  double queue_sample_h = 6;           // bucket width of ReplicationResult::node_queue_*
  std::string start_date = "2026-01-05"; // civil date (UTC) of time 0: timetabled departures
  OnClosure on_closure = OnClosure::wait;
  ServicePolicy sea;                   // deep_sea and feeder links
  ServicePolicy rail;                  // rail (and road) links where a train is formed
  ServicePolicy ferry;
  std::vector<NodeOverride> nodes;
  std::vector<LinkOverride> links;     // line capacity per rail link (what-if or stated)
  std::vector<Closure> closures;
  std::vector<CapacityCut> capacity_cuts;
  std::vector<OperationSpec> operations;
};

// Limits that keep a run finite (docs/corridor-simulation.md, "Limits"): a scenario beyond
// them is refused with the field and the limit rather than left to run for days.
inline constexpr double kMinTeuPerWeek = 0.001;            // one demand row: a box in about 20 years
inline constexpr double kMaxTeuPerWeek = 100'000;          // one demand row
inline constexpr double kMaxBoxesPerReplication = 2e6;     // all rows x horizon_days / 7
inline constexpr double kMaxBoxesPerRun = 2e8;             // boxes per replication x replications
inline constexpr int kMaxReplications = 10'000;
// Horizon, warm-up and drain each at most this many days: no cap in practice (memory, through
// kMaxBoxesPerReplication, is the limit); it keeps a run's end inside 32-bit minutes.
inline constexpr double kMaxRunDays = 100'000;
inline constexpr std::int64_t kMaxSeed = 9'007'199'254'740'991;  // 2^53 - 1
inline constexpr std::uintmax_t kMaxScenarioBytes = 1 << 20;     // the TOML file
inline constexpr std::uintmax_t kMaxDemandBytes = 16 << 20;      // the demand CSV

// "FILE:LINE: field 'FIELD': WHAT" (no line when 0): the form of every scenario message.
[[noreturn]] void scenario_error(const std::filesystem::path& file, int line, const std::string& field,
                                 const std::string& what);

// Refuses a scenario whose demand, horizon and replications together exceed the limits above
// (ScenarioError naming the fields). load_scenario checks it; call it again after changing
// replications or flows in code.
void check_run_size(const Scenario& s);

// Whether a mode runs on the package's timetable (the model then needs its services).
bool uses_timetable(const Scenario& s);

// Reads a scenario file and its demand CSV (paths relative to the scenario's folder).
Scenario load_scenario(const std::filesystem::path& file);
// Same from text; `file` is used in messages and to resolve relative paths.
Scenario parse_scenario(std::string_view toml_text, const std::filesystem::path& file);
// Same, with the demand CSV given as text instead of read from the file `demand` names (whose
// path is kept for messages): nothing is read from disk. At most kMaxDemandBytes.
Scenario parse_scenario(std::string_view toml_text, const std::filesystem::path& file, std::string_view demand_csv);
// Demand CSV: origin,destination,teu_per_week,unit,pattern[,avoid] with a header line.
std::vector<FlowSpec> parse_demand(std::string_view csv_text, const std::string& file);
// Bookings CSV: origin,destination,ready,unit,count[,avoid] with a header line. `ready` is an
// ISO 8601 instant or date (UTC midnight) in [start_date, start_date + horizon_days); `unit`
// TEU, FEU or an ISO 6346 size-type code (22G1: 20 ft = TEU, 42G1/45G1: 40 ft = FEU); `count`
// boxes. Rows with the same origin, destination, unit and avoid cell become one flow of
// pattern bookings (line: its first row), in the order of their first rows.
std::vector<FlowSpec> parse_bookings(std::string_view csv_text, const std::string& file,
                                     const std::string& start_date, double horizon_days);
// The file a flow came from (its bookings file or demand file): messages about it name it.
const std::filesystem::path& source_file(const Scenario& s, const FlowSpec& f);

}  // namespace landbridge::corridor
