// landbridge.Engine: one loaded package and the questions the command line's route, chart and
// the service's node/link pages answer, each through query::Engine (query/engine.h) and
// answered with the same JSON the command line prints. The GIL is released while the engine
// works, so other Python threads run meanwhile; an Engine may be used from several threads.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "bindings.h"
#include "json_py.h"
#include "landbridge/chart/series.h"
#include "landbridge/chart/svg.h"
#include "landbridge/query/chart.h"
#include "landbridge/query/engine.h"
#include "landbridge/query/network_info.h"
#include "landbridge/query/reliability.h"
#include "landbridge/route/report.h"
#include "landbridge/schedule/planner.h"

namespace py = pybind11;
using namespace pybind11::literals;

namespace landbridge::py_module {
namespace {

// The compiled engine; the Python class landbridge.Engine wraps it (python/landbridge/__init__.py).
class PyEngine {
 public:
  explicit PyEngine(const std::string& package) {
    py::gil_scoped_release nogil;
    engine_ = std::make_shared<const query::Engine>(query::Engine::open(package));
    engine_->throw_if_invalid();
  }

  void warm_up() const {
    py::gil_scoped_release nogil;
    engine_->warm_up();
  }

  [[nodiscard]] py::dict info() const {
    const LoadedNetwork& p = engine_->package();
    py::dict d;
    d["name"] = p.network.name();
    d["version"] = p.version;
    d["description"] = p.description;
    d["dir"] = p.dir.string();
    d["nodes"] = p.network.node_count();
    d["links"] = p.network.link_count();
    d["services"] = engine_->services().size();
    return d;
  }

  [[nodiscard]] py::list locate(const std::string& text, std::size_t limit) const {
    std::vector<query::Location> found;
    {
      py::gil_scoped_release nogil;
      found = engine_->search_locations(text, limit);
    }
    py::list out;
    for (const query::Location& l : found) {
      out.append(py::dict("code"_a = l.code, "name"_a = l.name, "country"_a = l.country, "lat"_a = l.lat,
                          "lon"_a = l.lon, "on_network"_a = l.on_network, "kind"_a = l.kind,
                          "timezone"_a = l.timezone));
    }
    return out;
  }

  // route --json (route/report.h), plus "reliability" when asked.
  [[nodiscard]] py::object route(const query::StaticQuery& q) const {
    nlohmann::json j;
    {
      py::gil_scoped_release nogil;
      const query::StaticAnswer a = engine_->plan_static(q);
      j = route::to_json(a.network(), a.result);
      if (a.reliability) query::add_reliability_json(j, *a.reliability, "");
    }
    return to_python(j);
  }

  // route --depart/--arrive-by --json (schedule/planner.h).
  [[nodiscard]] py::object schedule(const query::ScheduledQuery& q) const {
    nlohmann::json j;
    {
      py::gil_scoped_release nogil;
      const query::ScheduledAnswer a = engine_->plan_scheduled(q);
      j = schedule::to_json(a.network(), a.result);
      if (a.reliability) query::add_reliability_json(j, *a.reliability, q.reliability.arrive_by);
    }
    return to_python(j);
  }

  // chart --json as {"title", "subtitle", "series"}, or the SVG chart --out writes.
  [[nodiscard]] py::object chart(const query::ChartQuery& q, bool svg, bool co2e_panel) const {
    nlohmann::json j;
    std::string text;
    {
      py::gil_scoped_release nogil;
      const query::ChartAnswer c = query::chart_data(*engine_, q);
      if (svg) {
        chart::ChartOptions opts;
        opts.title = c.title;
        opts.subtitle = c.subtitle;
        opts.co2e_panel = co2e_panel;
        text = chart::render_svg(c.series, opts);
      } else {
        j = {{"title", c.title}, {"subtitle", c.subtitle}, {"series", chart::to_json(c.series)}};
      }
    }
    if (svg) return py::str(text);
    return to_python(j);
  }

  // GET /v1/nodes/{code} of the service (query/network_info.h).
  [[nodiscard]] py::object node(const std::string& code, const std::string& after, std::int32_t limit) const {
    nlohmann::json j;
    {
      py::gil_scoped_release nogil;
      const query::NodeInfoAnswer a = query::node_info(*engine_, code, {.after = after, .limit = limit});
      j = query::to_json(*engine_, a);
    }
    return to_python(j);
  }

  // GET /v1/links/{id}.
  [[nodiscard]] py::object link(const std::string& id) const {
    nlohmann::json j;
    {
      py::gil_scoped_release nogil;
      j = query::to_json(*engine_, query::link_info(*engine_, id));
    }
    return to_python(j);
  }

 private:
  std::shared_ptr<const query::Engine> engine_;
};

query::ReliabilityQuery reliability_query(std::int32_t replications, const std::string& background,
                                          const std::string& arrive_by, std::optional<std::uint64_t> seed,
                                          unsigned threads) {
  return {.replications = replications, .background = background, .arrive_by = arrive_by, .seed = seed,
          .threads = threads};
}

}  // namespace

void bind_engine(py::module_& m) {
  py::class_<PyEngine>(m, "Engine", "A loaded network package and its planners (query::Engine).")
      .def(py::init<const std::string&>(), "package"_a = "",
           "Loads a package folder, a .txt text network, or '' for the built-in package.")
      .def("warm_up", &PyEngine::warm_up)
      .def("info", &PyEngine::info)
      .def("locate", &PyEngine::locate, "text"_a, "limit"_a = 10)
      .def(
          "route",
          [](const PyEngine& e, const std::string& from, const std::string& to, const std::string& optimize,
             const std::string& unit, std::int32_t count, const std::vector<std::string>& avoid, bool pareto,
             std::int32_t alternatives, std::int32_t max_transshipments, double value_of_time,
             double carbon_price, const std::string& rates_on, std::int32_t reliability,
             const std::string& background, std::optional<std::uint64_t> seed, unsigned threads) {
            return e.route({.from = from, .to = to, .optimize = optimize, .unit = unit, .count = count,
                            .avoid = avoid, .pareto = pareto, .alternatives = alternatives,
                            .max_transshipments = max_transshipments, .value_of_time = value_of_time,
                            .carbon_price = carbon_price, .rates_on = rates_on,
                            .reliability = reliability_query(reliability, background, "", seed, threads)});
          },
          "from_"_a, "to"_a, "optimize"_a = "time", "unit"_a = "teu", "count"_a = 1,
          "avoid"_a = std::vector<std::string>{}, "pareto"_a = false, "alternatives"_a = 3,
          "max_transshipments"_a = -1, "value_of_time"_a = 0.0, "carbon_price"_a = 0.0, "rates_on"_a = "",
          "reliability"_a = 0, "background"_a = "", "seed"_a = py::none(), "threads"_a = 0u)
      .def(
          "schedule",
          [](const PyEngine& e, const std::string& from, const std::string& to, const std::string& depart,
             const std::string& arrive_by, const std::string& window, const std::string& unit,
             std::int32_t count, const std::vector<std::string>& avoid, bool pareto, std::int32_t max_trips,
             std::int32_t max_transshipments, std::int32_t reliability, const std::string& background,
             const std::string& arrive_by_prob, std::optional<std::uint64_t> seed, unsigned threads) {
            query::ScheduledQuery q{.from = from, .to = to, .depart = depart, .arrive_by = arrive_by,
                                    .window = window, .unit = unit, .count = count, .avoid = avoid,
                                    .pareto = pareto, .max_trips = max_trips,
                                    .max_transshipments = max_transshipments, .free_teu = {},
                                    .reliability = reliability_query(reliability, background, arrive_by_prob,
                                                                     seed, threads)};
            return e.schedule(q);
          },
          "from_"_a, "to"_a, "depart"_a = "", "arrive_by"_a = "", "window"_a = "", "unit"_a = "teu",
          "count"_a = 1, "avoid"_a = std::vector<std::string>{}, "pareto"_a = false, "max_trips"_a = 12,
          "max_transshipments"_a = -1, "reliability"_a = 0, "background"_a = "", "arrive_by_prob"_a = "",
          "seed"_a = py::none(), "threads"_a = 0u)
      .def(
          "chart",
          [](const PyEngine& e, const std::string& from, const std::string& to, const std::string& depart,
             const std::string& unit, std::int32_t count, const std::vector<std::string>& avoid,
             std::int32_t alternatives, std::int32_t reliability, const std::string& background, bool svg,
             bool co2e_panel) {
            query::ChartQuery q{.from = from, .to = to, .depart = depart, .unit = unit, .count = count,
                                .avoid = avoid, .alternatives = alternatives, .free_teu = {},
                                .reliability = reliability_query(reliability, background, "", {}, 0)};
            return e.chart(q, svg, co2e_panel);
          },
          "from_"_a, "to"_a, "depart"_a = "", "unit"_a = "teu", "count"_a = 1,
          "avoid"_a = std::vector<std::string>{}, "alternatives"_a = 0, "reliability"_a = 0,
          "background"_a = "", "svg"_a = false, "co2e_panel"_a = false)
      .def("node", &PyEngine::node, "code"_a, "after"_a = "", "limit"_a = 3)
      .def("link", &PyEngine::link, "id"_a);
}

}  // namespace landbridge::py_module
