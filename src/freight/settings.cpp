#include "landbridge/freight/settings.h"

#include <charconv>
#include <cmath>

#include "landbridge/core/user_file.h"

namespace landbridge::freight {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

double number(std::string_view key, std::string_view v, std::string_view where, bool whole) {
  double x = 0;
  const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (ec != std::errc() || p != v.data() + v.size() || !std::isfinite(x) || x < 0 || x > 1e9 ||
      (whole && x != std::floor(x)))
    throw RequestError(std::string(where) + ": setting '" + std::string(key) + "': got '" + std::string(v) +
                       "', expected " + (whole ? "a whole number >= 0" : "a number >= 0"));
  return x;
}

}  // namespace

void apply_setting(Settings& s, std::string_view assignment, std::string_view where) {
  const auto eq = assignment.find('=');
  if (eq == std::string_view::npos)
    throw RequestError(std::string(where) + ": got '" + std::string(assignment) + "', expected KEY=VALUE");
  const std::string_view key = trim(assignment.substr(0, eq));
  const std::string_view val = trim(assignment.substr(eq + 1));
  const auto bad_key = [&]() -> RequestError {
    return RequestError(std::string(where) + ": unknown setting '" + std::string(key) +
                        "'; expected node.CODE.{cranes,moves_per_hour,hours_per_day,capacity_teu_day}, "
                        "link.ID.{capacity_teu_day,train_paths_per_day}, service.ID.{departures_per_week,capacity_teu}, "
                        "class.NAME.vot, train_teu, bpr.alpha or bpr.beta");
  };
  if (key == "train_teu") { s.train_teu = number(key, val, where, false); return; }
  if (key == "bpr.alpha") { s.bpr_alpha = number(key, val, where, false); return; }
  if (key == "bpr.beta") { s.bpr_beta = number(key, val, where, false); return; }
  const auto dot1 = key.find('.');
  const auto dot2 = key.rfind('.');
  if (dot1 == std::string_view::npos || dot2 == dot1 || dot2 == key.size() - 1) throw bad_key();
  const std::string_view scope = key.substr(0, dot1);
  const std::string name(key.substr(dot1 + 1, dot2 - dot1 - 1));
  const std::string_view field = key.substr(dot2 + 1);
  if (name.empty()) throw bad_key();
  if (scope == "node") {
    NodeCapacity& n = s.nodes[name];
    if (field == "cranes") n.cranes = number(key, val, where, true);
    else if (field == "moves_per_hour") n.moves_per_hour = number(key, val, where, false);
    else if (field == "hours_per_day") {
      n.hours_per_day = number(key, val, where, false);
      if (n.hours_per_day > 24) throw RequestError(std::string(where) + ": setting '" + std::string(key) + "': expected at most 24");
    } else if (field == "capacity_teu_day") n.capacity_teu_day = number(key, val, where, false);
    else throw bad_key();
  } else if (scope == "link") {
    LinkCapacity& l = s.links[name];
    if (field == "capacity_teu_day") l.capacity_teu_day = number(key, val, where, false);
    else if (field == "train_paths_per_day") l.train_paths_per_day = number(key, val, where, false);
    else throw bad_key();
  } else if (scope == "service") {
    ServiceChange& c = s.services[name];
    if (field == "departures_per_week") c.departures_per_week = number(key, val, where, false);
    else if (field == "capacity_teu") c.capacity_teu = number(key, val, where, true);
    else throw bad_key();
  } else if (scope == "class") {
    if (field != "vot" || (name != "general" && name != "high_value" && name != "reefer")) throw bad_key();
    s.vot[name] = number(key, val, where, false);
  } else {
    throw bad_key();
  }
}

void apply_settings_file(Settings& s, const std::filesystem::path& file) {
  const UserFile f = read_user_file(file, kMaxTomlBytes);
  Diagnostics diags;
  if (!f.ok()) {
    diags.add(file.string(), 0, "", "", f.problem);
    diags.throw_if_any();
  }
  int line = 0;
  std::string_view text = f.text;
  while (!text.empty()) {
    ++line;
    const auto nl = text.find('\n');
    std::string_view l = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    if (const auto hash = l.find('#'); hash != std::string_view::npos) l = l.substr(0, hash);
    l = trim(l);
    if (l.empty()) continue;
    try {
      apply_setting(s, l, file.string() + ":" + std::to_string(line));
    } catch (const RequestError& e) {
      const auto eq = l.find('=');
      diags.add(file.string(), line, std::string(trim(l.substr(0, eq))), std::string(l), e.what());
    }
  }
  diags.throw_if_any();
}

}  // namespace landbridge::freight
