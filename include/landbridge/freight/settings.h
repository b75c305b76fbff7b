// Capacity and calibration settings of a freight assignment, and what-if changes to them.
//
// One setting is `key = value`; a settings file holds one per line, `#` starts a comment. The
// reference settings (data/demand/reference-settings.txt) state what the network package does
// not (crane counts, crane productivity); a what-if (`--what-if FILE`, `--set KEY=VALUE`) is the
// same thing applied on top. Keys (docs/freight-assignment.md, "Settings"):
//
//   node.CODE.cranes = 3              cranes of the node's capacity-bound operation
//   node.CODE.moves_per_hour = 17     lifts per crane and hour
//   node.CODE.hours_per_day = 24      working hours a day
//   node.CODE.capacity_teu_day = 760  a stated throughput instead of cranes x moves
//   link.ID.capacity_teu_day = 500    hard capacity of a link
//   link.ID.train_paths_per_day = 6   ... or train paths x train_teu
//   service.ID.departures_per_week = 2    more (or fewer) sailings / trains of a service
//   service.ID.capacity_teu = 150         slots per departure
//   class.NAME.vot = 1.5              value of time, USD per TEU and hour (general, high_value, reefer)
//   train_teu = 88                    TEU one train path carries
//   bpr.alpha = 0.15, bpr.beta = 4    the volume-delay function of every capacity-bound arc
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "landbridge/core/error.h"

namespace landbridge::freight {

struct NodeCapacity {
  double cranes = -1, moves_per_hour = -1, hours_per_day = -1, capacity_teu_day = -1;  // < 0: not set
};
struct LinkCapacity {
  double capacity_teu_day = -1, train_paths_per_day = -1;
};
struct ServiceChange {
  double departures_per_week = -1, capacity_teu = -1;
};

struct Settings {
  std::map<std::string, NodeCapacity, std::less<>> nodes;
  std::map<std::string, LinkCapacity, std::less<>> links;
  std::map<std::string, ServiceChange, std::less<>> services;
  std::map<std::string, double, std::less<>> vot;  // class name -> USD per TEU-hour
  double train_teu = 88;       // F-C2: 44 FEU wagons per block train
  double default_hours_per_day = 24;
  double bpr_alpha = 0.15, bpr_beta = 4;
};

// Applies one `key = value` (or `key=value`). Throws RequestError naming the key and what was
// expected; `where` ("--set", "file.txt:3") prefixes the message.
void apply_setting(Settings& s, std::string_view assignment, std::string_view where);
// Applies every line of a settings file. Throws LoadError (file, line, key) for bad lines.
void apply_settings_file(Settings& s, const std::filesystem::path& file);

}  // namespace landbridge::freight
