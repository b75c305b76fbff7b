#include "cli.h"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "landbridge/io/places.h"
#include "landbridge/query/reliability.h"

namespace landbridge::cli {

void add_network_option(CLI::App& cmd, std::string& dir) {
  cmd.add_option("--network", dir,
                 "Network package folder, or a text network file ending in .txt (default: the "
                 "built-in Eurasian reference package)")
      ->type_name("DIR");
}

CLI::Option* add_reliability_options(CLI::App& cmd, query::ReliabilityQuery& q, const std::string& replications_help,
                                     const std::string& background_help) {
  auto* rel = cmd.add_option("--reliability", q.replications, replications_help)
                  ->check(CLI::Range(1, static_cast<int>(corridor::kMaxReliabilityReplications)))
                  ->type_name("N");
  cmd.add_option("--background", q.background, background_help)->needs(rel)->type_name("FILE");
  return rel;
}

io::LoadedPackage load_network(const std::string& dir) { return query::load_network(dir); }

place::DoorQuery open_query(const std::string& network, const std::string& from, const std::string& to) {
  try {
    return place::door_to_door(load_network(network), place::index_file(io::default_place_index_path()), from, to);
  } catch (const place::NoAccessError& e) {
    say("{}\n", e.what());
    throw CLI::RuntimeError(kNoRoute);
  }
}

namespace {

// The engine names the query's fields; the command line says which option it was.
std::string in_option_words(const query::QueryError& e) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kOptions{{
      {"arrive_by", "--arrive-by"}, {"depart", "--depart"}, {"window", "--window"}, {"rates_on", "--rates"},
      {"reliability", "--reliability"}, {"reliability.arrive_by", "--arrive-by-prob"},
      {"reliability.background", "--background"}}};
  const std::string msg = e.what();
  const bool named = std::any_of(kOptions.begin(), kOptions.end(), [&](const auto& o) { return o.first == e.field(); });
  if (!named) return msg;
  // Field names are replaced as whole words, in the part before the reason (the first ": ").
  const std::size_t head = std::min(msg.find(": "), msg.size());
  std::string out;
  for (std::size_t i = 0; i < head;) {
    bool replaced = false;
    for (const auto& [field, option] : kOptions) {
      const bool starts_word = i == 0 || msg[i - 1] == ' ';
      const std::size_t end = i + field.size();
      if (starts_word && msg.compare(i, field.size(), field) == 0 && (end == head || msg[end] == ' ')) {
        out += option;
        i = end;
        replaced = true;
        break;
      }
    }
    if (!replaced) out += msg[i++];
  }
  return out + msg.substr(head);
}

}  // namespace

void fail(const query::QueryError& e) {
  if (e.problem() == query::Problem::no_route) {
    say("no route: {}\n", e.what());
    throw CLI::RuntimeError(kNoRoute);
  }
  say("error: {}\n", in_option_words(e));
  throw CLI::RuntimeError(kUsage);
}

ScheduledAnswer plan_scheduled(const ScheduledQuery& q) {
  const query::ScheduledQuery asked{.from = q.from, .to = q.to, .depart = q.depart, .arrive_by = q.arrive_by,
                                    .window = q.window, .unit = q.unit, .count = q.count, .avoid = q.avoid,
                                    .pareto = q.pareto, .max_trips = q.max_trips,
                                    .max_transshipments = q.max_transshipments,
                                    .free_teu = {}, .reliability = q.reliability};
  try {
    // Syntax first, so that a typo is reported before the package is loaded.
    (void)query::check_scheduled(asked);
    return query::Engine::open(q.network).plan_scheduled(asked);
  } catch (const query::QueryError& e) {
    fail(e);
  }
}

}  // namespace landbridge::cli
