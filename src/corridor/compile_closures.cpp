// Compiling a scenario, second part: closures of nodes, links and passages; the re-routes
// around closed nodes planned up front (on_closure = reroute); capacity cuts of the cranes.
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "compile.h"
#include "hints.h"
#include "landbridge/core/error.h"

namespace landbridge::corridor::engine {

using sim::kDay;

void Compiler::resolve_closures() {
  m_.node_closed.resize(net_.node_count());
  m_.link_closed.resize(net_.link_count());
  for (std::size_t i = 0; i < m_.sc.closures.size(); ++i) {
    const Closure& c = m_.sc.closures[i];
    const std::pair<double, double> iv{c.from_day * kDay, c.to_day * kDay};
    const std::string field = "closures[" + std::to_string(i) + "].";
    if (c.kind == Closure::Kind::node) {
      m_.node_closed[known_node(c.what, c.line, field + "node").v].push_back(iv);
    } else if (c.kind == Closure::Kind::link) {
      m_.link_closed[known_link(c.what, c.line, field + "link").v].push_back(iv);
    } else {
      auto p = parse_passage(c.what);
      if (!p) scenario_error(m_.sc.file, c.line, field + "passage", "unknown passage '" + c.what + "'" + detail::passage_hint());
      for (std::uint32_t l = 0; l < net_.link_count(); ++l) {
        if ((net_.link_passages(LinkId(l)) & passage_bit(*p)) != 0) m_.link_closed[l].push_back(iv);
      }
    }
  }
}

// on_closure = reroute: epochs between node-closure boundaries, each with the set of nodes
// closed in it; for every plan, stage and set with a closed node ahead (but not here), the
// route from the stage's node to the flow's destination avoiding the set's nodes, keeping the
// flow's avoid items that are not node codes (modes, countries, passages; node codes only pin
// the corridor). New plans are examined in turn, so a re-route can be re-routed again.
void Compiler::plan_reroutes() {
  std::vector<double> bounds;
  for (const auto& iv : m_.node_closed) {
    for (const auto& [a, b] : iv) {
      bounds.push_back(a);
      bounds.push_back(b);
    }
  }
  std::sort(bounds.begin(), bounds.end());
  bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
  std::map<std::vector<std::uint32_t>, std::int32_t> set_id;
  std::vector<std::vector<std::uint32_t>> sets;
  for (const double t : bounds) {
    std::vector<std::uint32_t> closed;
    for (std::uint32_t n = 0; n < m_.node_closed.size(); ++n) {
      if (open_at(m_.node_closed[n], t) > t) closed.push_back(n);
    }
    std::int32_t id = -1;
    if (!closed.empty()) {
      auto [it, added] = set_id.try_emplace(closed, static_cast<std::int32_t>(sets.size()));
      if (added) sets.push_back(closed);
      id = it->second;
    }
    m_.epoch_start.push_back(t);
    m_.epoch_set.push_back(id);
  }
  std::map<std::tuple<std::uint32_t, std::uint32_t, std::int32_t>, std::int64_t> planned;
  for (std::uint32_t p = 0; p < m_.plans.size(); ++p) {
    const FlowIx f = m_.plans[p].flow;
    for (std::uint32_t i = 0; i < m_.plans[p].stages.size(); ++i) {
      const std::uint32_t here = m_.plans[p].stages[i].node.v;
      for (std::int32_t c = 0; c < static_cast<std::int32_t>(sets.size()); ++c) {
        const auto& closed = sets[static_cast<std::size_t>(c)];
        auto is_closed = [&](std::uint32_t n) { return std::binary_search(closed.begin(), closed.end(), n); };
        if (is_closed(here)) continue;
        bool ahead = false;
        for (std::size_t j = i; j < m_.plans[p].stages.size(); ++j) ahead = ahead || is_closed(m_.plans[p].stages[j].node.v);
        if (!ahead) continue;
        auto [it, added] = planned.try_emplace({here, f.v, c}, -1);
        if (added) {
          const FlowPlan& fp = m_.flows[f.v];
          route::RouteRequest req;
          req.from = net_.node(NodeId(here)).code;
          req.to = net_.node(fp.dest).code;
          for (const std::string& a : fp.spec.avoid) {
            if (!net_.find_node(a)) req.avoid.push_back(a);
          }
          for (const std::uint32_t n : closed) req.avoid.push_back(net_.node(NodeId(n)).code);
          try {
            const route::RouteResult res = planner_.route(req);
            if (!res.itineraries.empty()) {
              Plan alt{stages(res.itineraries.front(), "re-route of " + fp.label, fp.spec.teu_per_box), f};
              bool clean = true;
              for (const Stage& st : alt.stages) clean = clean && !is_closed(st.node.v);
              if (clean) {
                it->second = static_cast<std::int64_t>(m_.plans.size());
                m_.plans.push_back(std::move(alt));
              }
            }
          } catch (const std::exception&) {
            // no way around (the destination is closed, or the alternative has no service):
            // the box waits
          }
        }
        if (it->second >= 0) {
          m_.reroute.emplace(CorridorModel::Impl::reroute_key(p, i, c), static_cast<std::uint32_t>(it->second));
        }
      }
    }
  }
}

// Capacity cuts, after every plan (re-routes included) has named its crane nodes.
void Compiler::apply_capacity_cuts() {
  for (std::size_t i = 0; i < m_.sc.capacity_cuts.size(); ++i) {
    const CapacityCut& cut = m_.sc.capacity_cuts[i];
    const std::string field = "capacity_cuts[" + std::to_string(i) + "].node";
    const auto it = crane_of_node_.find(known_node(cut.node, cut.line, field).get());
    if (it == crane_of_node_.end()) {
      scenario_error(m_.sc.file, cut.line, field,
                     "'" + cut.node + "' is not a gauge change on any flow's route (no cranes to cut)");
    }
    CranePlan& cp = m_.cranes[it->second];
    const int during = cut.cranes > 0 ? cut.cranes : std::max(1, static_cast<int>(std::lround(cp.cranes * cut.cranes_factor)));
    cp.cuts.push_back({SimTime::days(cut.from_day), SimTime::days(cut.to_day), during});
    std::sort(cp.cuts.begin(), cp.cuts.end(), [](const CraneCut& a, const CraneCut& b) { return a.from < b.from; });
    for (std::size_t k = 1; k < cp.cuts.size(); ++k) {
      if (cp.cuts[k].from < cp.cuts[k - 1].to) {
        scenario_error(m_.sc.file, cut.line, field, "cuts of '" + cut.node + "' overlap; give one cut per interval");
      }
    }
  }
}

}  // namespace landbridge::corridor::engine
