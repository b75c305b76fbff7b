// Running a sweep's cells as ensemble tasks, writing each finished cell, resuming from them.
#include "landbridge/sweep/run.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "landbridge/core/user_file.h"
#include "landbridge/corridor/model.h"
#include "landbridge/corridor/serial.h"
#include "landbridge/ensemble/tasks.h"
#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/io/text_network.h"
#include "plots.h"
#include "table.h"

namespace landbridge::sweep {
namespace {

namespace fs = std::filesystem;

// Bumped when what a cell file holds, or how a cell is computed, changes meaning.
constexpr const char* kFormat = "landbridge-sweep-1";

// 64-bit FNV-1a over length-prefixed parts: enough to tell one sweep's inputs from another's.
class Hash {
 public:
  void add(std::string_view s) {
    const std::string len = std::to_string(s.size()) + ":";
    mix(len);
    mix(s);
  }
  [[nodiscard]] std::string hex() const { return fmt::format("{:016x}", h_); }

 private:
  void mix(std::string_view s) {
    for (unsigned char c : s) h_ = (h_ ^ c) * 1099511628211ULL;
  }
  std::uint64_t h_ = 14695981039346656037ULL;
};

std::string file_bytes(const fs::path& p) {
  UserFile f = read_user_file(p, std::uintmax_t{1} << 30);
  return f.ok() ? std::move(f.text) : "(unreadable: " + f.problem + ")";
}

// A network package (or a text network) with its services when a cell needs them.
struct Package {
  io::LoadedPackage pkg;
  std::vector<timetable::Service> services;
  bool services_loaded = false;
};

io::LoadedPackage load_network(const fs::path& dir) {
  if (dir.extension() == ".txt") return LoadedNetwork{.network = io::load_text_network(dir), .dir = dir};
  return io::load_package(dir.empty() ? io::default_package_dir() : dir);
}

// The files a package's results depend on: the folder's regular files (a text network: itself).
void add_package(Hash& h, const fs::path& dir) {
  const fs::path d = dir.empty() ? io::default_package_dir() : dir;
  std::error_code ec;
  if (fs::is_regular_file(d, ec)) {
    h.add(file_bytes(d));
    return;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(d, ec))
    if (e.is_regular_file(ec)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    h.add(f.filename().string());
    h.add(file_bytes(f));
  }
}

std::string fingerprint(const SweepSpec& spec, const std::vector<corridor::Scenario>& scenarios) {
  Hash h;
  h.add(kFormat);
  h.add(LANDBRIDGE_VERSION);
  h.add(spec.canonical);
  h.add(file_bytes(spec.base_file));
  h.add(std::to_string(spec.replications));
  h.add(std::to_string(spec.seed));
  std::set<fs::path> data, packages;
  for (const corridor::Scenario& s : scenarios) {
    if (!s.demand_file.empty()) data.insert(s.demand_file);
    if (!s.bookings_file.empty()) data.insert(s.bookings_file);
    packages.insert(s.network_dir);
  }
  for (const fs::path& p : data) {
    h.add(p.filename().string());
    h.add(file_bytes(p));
  }
  for (const fs::path& p : packages) add_package(h, p);
  return h.hex();
}

std::string cell_file_name(std::size_t c) { return fmt::format("cell-{:04d}.json", c); }

void write_atomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw SweepError(tmp.string() + ": cannot write");
  }
  fs::rename(tmp, path);
}

// The names of the KPIs a model's summary has (run on two empty replications of its shape).
std::vector<std::string> kpi_names(const corridor::CorridorModel& m) {
  corridor::ReplicationResult r;
  r.flows.resize(m.flow_count());
  r.nodes.resize(m.node_labels().size());
  r.services.resize(m.service_labels().size());
  r.links.resize(m.link_labels().size());
  const std::vector<corridor::ReplicationResult> two{r, r};
  std::vector<std::string> out;
  for (const corridor::SummaryRow& row : corridor::summarise(m, two).rows) out.push_back(detail::kpi_name(row));
  return out;
}

// Cells already in `out` with this fingerprint: their records by cell index. Files of another
// fingerprint: a SweepError, or deleted when `fresh`.
std::map<std::size_t, nlohmann::json> done_cells(const fs::path& out, std::size_t cells, const std::string& fp,
                                                 bool fresh) {
  std::map<std::size_t, nlohmann::json> done;
  std::error_code ec;
  if (!fs::is_directory(out, ec)) return done;
  std::vector<fs::path> stale;
  for (std::size_t c = 0; c < cells; ++c) {
    const fs::path p = out / cell_file_name(c);
    if (!fs::exists(p, ec)) continue;
    nlohmann::json rec = nlohmann::json::parse(file_bytes(p), nullptr, false);
    if (rec.is_discarded() || !rec.is_object() || !rec.contains("kpis")) continue;  // not ours: run it again
    if (rec.value("fingerprint", std::string()) != fp || rec.value("cell", cells) != c) {
      stale.push_back(p);
      continue;
    }
    done.emplace(c, std::move(rec));
  }
  // Cell files past this sweep's count come from a larger sweep.
  for (const auto& e : fs::directory_iterator(out, ec)) {
    const std::string n = e.path().filename().string();
    const std::string digits = n.size() > 10 ? n.substr(5, n.size() - 10) : std::string();
    if (!n.starts_with("cell-") || !n.ends_with(".json") || digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
      continue;
    if (digits.size() > 9 || std::stoul(digits) >= cells) stale.push_back(e.path());
  }
  if (!stale.empty() && !fresh) {
    throw SweepError(fmt::format(
        "{}: holds results of another sweep ({} and {} other cell file(s) differ: the sweep file, its base scenario, "
        "demand, network, replications, seed or the landbridge version changed); run with --fresh to discard "
        "them, or choose another --out",
        out.string(), stale.front().filename().string(), stale.size() - 1));
  }
  if (!stale.empty()) {  // --fresh: start over
    for (const fs::path& p : stale) fs::remove(p, ec);
    for (std::size_t c = 0; c < cells; ++c) fs::remove(out / cell_file_name(c), ec);
    fs::remove(out / "table.json", ec);
    fs::remove(out / "table.csv", ec);
    done.clear();
  }
  return done;
}

}  // namespace

fs::path output_folder(const SweepSpec& spec, const RunOptions& options) {
  if (!options.out.empty()) return options.out;
  return spec.file.parent_path() / spec.file.stem();
}

RunReport run(const SweepSpec& spec_in, const RunOptions& options) {
  SweepSpec spec_copy;  // with the caller's replications and seed
  const SweepSpec* sp = &spec_in;
  if (options.replications || options.seed) {
    spec_copy = spec_in;
    spec_copy.replications = options.replications.value_or(spec_in.replications);
    spec_copy.seed = options.seed.value_or(spec_in.seed);
    sp = &spec_copy;
  }
  const SweepSpec& spec = *sp;
  const ensemble::Ranks& ranks = ensemble::Ranks::get();
  const std::size_t cells = spec.cell_count();
  const auto reps = static_cast<std::size_t>(spec.replications);
  auto line = [&](const std::string& s) {
    if (ranks.root() && options.on_line) options.on_line(s);
  };

  // Every cell's scenario and model first, so that a cell the model refuses stops the sweep
  // before anything runs.
  std::vector<corridor::Scenario> scenarios;
  scenarios.reserve(cells);
  for (std::size_t c = 0; c < cells; ++c) scenarios.push_back(cell_scenario(spec, c));
  std::map<fs::path, std::unique_ptr<Package>> packages;
  std::vector<std::unique_ptr<corridor::CorridorModel>> models;
  for (std::size_t c = 0; c < cells; ++c) {
    const corridor::Scenario& s = scenarios[c];
    std::unique_ptr<Package>& p = packages[s.network_dir];
    if (!p) {
      p = std::make_unique<Package>();
      p->pkg = load_network(s.network_dir);
    }
    if (corridor::uses_timetable(s) && !p->services_loaded) {
      Diagnostics diags;
      p->services = io::load_services(p->pkg.dir, p->pkg.network, diags);
      diags.throw_if_any();
      p->services_loaded = true;
    }
    try {
      models.push_back(std::make_unique<corridor::CorridorModel>(p->pkg.network, s, p->services));
    } catch (const corridor::ScenarioError& e) {
      throw SweepError(fmt::format("{}: cell {} ({}): {}", spec.file.string(), c, spec.cell_label(c), e.what()));
    }
  }
  // The KPIs to draw must exist in some cell.
  std::vector<std::string> plots = spec.plots;
  for (const std::string& k : options.plots)
    if (std::find(plots.begin(), plots.end(), k) == plots.end()) plots.push_back(k);
  if (!plots.empty()) {
    std::set<std::string> known;
    std::vector<std::string> first;
    for (const auto& m : models)
      for (std::string& k : kpi_names(*m)) {
        if (known.size() < 12 && !known.contains(k)) first.push_back(k);
        known.insert(std::move(k));
      }
    for (const std::string& k : plots)
      if (!known.contains(k))
        throw SweepError(fmt::format("{}: field 'sweep.plot': unknown KPI '{}' (KPIs are group.key.metric, e.g. {})",
                                     spec.file.string(), k, fmt::join(first, ", ")));
  }

  RunReport report;
  report.root = ranks.root();
  report.cells = cells;
  report.out = output_folder(spec, options);
  const std::string fp = fingerprint(spec, scenarios);
  // The output folder is the root's: it reads the finished cells (skip is asked on the root
  // only) and makes the folder; every rank learns whether that went well before the tasks.
  std::map<std::size_t, nlohmann::json> records;
  std::string problem;
  if (ranks.root()) {
    try {
      records = done_cells(report.out, cells, fp, options.fresh);
      fs::create_directories(report.out);
    } catch (const SweepError& e) {
      problem = e.what();
    } catch (const fs::filesystem_error& e) {
      problem = report.out.string() + ": cannot make the output folder: " + e.code().message();
    }
  }
  if (!ranks.all_ok(problem.empty()))
    throw SweepError(problem.empty() ? std::string("the root rank could not use the output folder") : problem);
  report.cells_before = records.size();
  line(fmt::format("sweep {}: {} cells x {} replications{}", spec.name, cells, reps,
                   records.empty() ? std::string() : fmt::format(", {} {} already done", records.size(), records.size() == 1 ? "cell" : "cells")));

  std::atomic<bool> stop_here{false};
  auto stopping = [&] { return stop_here.load() || (options.stop != nullptr && options.stop->load()); };
  std::mutex mutex;
  std::map<std::size_t, std::vector<std::string>> pending;  // cell -> its replications' bytes
  std::map<std::size_t, std::size_t> arrived;

  ensemble::TaskOptions to;
  to.threads = options.threads;
  to.keep_results = false;  // decoded per cell as they arrive
  std::vector<char> done_before(cells, 0);
  for (const auto& [c, rec] : records) done_before[c] = 1;
  to.skip = [&](std::size_t i) { return done_before[i / reps] != 0; };
  to.progress = [&](std::size_t done, std::size_t total) {
    if (options.on_replication) options.on_replication(done, total);
  };
  to.on_result = [&](std::size_t i, const std::string& bytes) {
    // Not run (the sweep is stopping), or past --stop-after-cells: other ranks of an MPI job may
    // still send results, which the root drops so that exactly that many cells are written.
    if (bytes.empty() || stop_here) return;
    std::lock_guard lock(mutex);
    const std::size_t c = i / reps;
    std::vector<std::string>& slot = pending[c];
    slot.resize(reps);
    slot[i % reps] = bytes;
    if (++arrived[c] < reps) return;
    std::vector<corridor::ReplicationResult> results;
    results.reserve(reps);
    for (const std::string& b : slot) results.push_back(corridor::decode_replication(b));
    pending.erase(c);
    nlohmann::json rec = detail::cell_record(spec, c, corridor::summarise(*models[c], results), fp);
    write_atomically(report.out / cell_file_name(c), rec.dump(1) + "\n");
    records.emplace(c, std::move(rec));
    ++report.cells_run;
    line(fmt::format("cell {}/{} done ({}): {} of {} cells", c + 1, cells, spec.cell_label(c), records.size(), cells));
    if (options.stop_after_cells > 0 && report.cells_run >= options.stop_after_cells) stop_here = true;
  };
  try {
    (void)ensemble::run_tasks(cells * reps, to, [&](std::size_t i) -> std::string {
      if (stopping()) return {};
      // The plot series are not part of a sweep's table: not sent.
      return corridor::encode_replication(models[i / reps]->run(i % reps), corridor::PlotSeries::drop);
    });
  } catch (const ensemble::TaskError& e) {
    // A failure in this process (a replication, writing a cell) is reported as itself.
    if (e.original()) std::rethrow_exception(e.original());
    throw;
  }
  if (!ranks.root()) return report;
  if (records.size() < cells) {
    line(fmt::format("interrupted: {} of {} cells done and saved in {}; run the same command again to resume",
                     records.size(), cells, report.out.string()));
    return report;
  }
  std::vector<nlohmann::json> ordered;
  ordered.reserve(cells);
  for (auto& [c, rec] : records) ordered.push_back(std::move(rec));
  report.table = detail::build_table(spec, ordered);
  write_atomically(report.out / "table.json", report.table.dump(1) + "\n");
  write_atomically(report.out / "table.csv", detail::table_csv(report.table));
  for (const std::string& k : plots)
    for (auto& [stem, svg] : detail::kpi_plots(report.table, k)) {
      const fs::path p = report.out / (stem + ".svg");
      write_atomically(p, svg);
      report.plots.push_back(p);
    }
  report.complete = true;
  line(fmt::format("table written to {}", (report.out / "table.csv").string()));
  return report;
}

nlohmann::json run_json(const fs::path& sweep_toml, const RunOptions& options) {
  RunReport r = run(load_sweep(sweep_toml), options);
  if (r.root && !r.complete)
    throw SweepError(fmt::format("{}: the sweep stopped before its end ({} of {} cells done)", sweep_toml.string(),
                                 r.cells_before + r.cells_run, r.cells));
  return r.table;
}

}  // namespace landbridge::sweep
