// The text network reader: one pass collects the lines (mass and factor lines take effect at
// once, nodes are added, links and operations wait until every node is known), a second adds
// the links, a third the operations. Every problem becomes a Diagnostic; the reader goes on
// with the next line and throws them all at the end.
#include "landbridge/io/text_network.h"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <system_error>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/core/units.h"
#include "landbridge/io/quantity.h"
#include "text.h"

namespace landbridge::io {
namespace {

constexpr std::array<Unit, 2> kPriceUnits{{{"usd", 1.0}, {"USD", 1.0}}};
constexpr std::array<Unit, 1> kPlain{{{"", 1.0}}};
// Package bounds (quantity.h) for distances, durations and prices; units must be written.
const QuantityKind kPrice{"a price", kPriceUnits, 0.0, 10'000'000.0};
const QuantityKind kMass{"a mass in tonnes per TEU", kPlain, 0.0, 100.0, true};

// Field names by word position, for messages; the first is the keyword.
constexpr std::array<std::string_view, 8> kLinkFields = {"keyword",  "id",       "from",     "to",
                                                         "carriage", "distance", "duration", "cost"};
constexpr std::array<std::string_view, 7> kOpFields = {"keyword", "node",     "kind", "arrive",
                                                       "depart",  "duration", "cost"};
constexpr std::string_view kLinkUsage = "LINK_ID FROM TO CARRIAGE DISTANCE DURATION COST [feu=COST] [via=PASSAGES]";
constexpr std::string_view kOpUsage = "op NODE KIND ARRIVE DEPART DURATION COST [feu=COST] [hub=KG_PER_T]";

// Stops collecting past this many problems (a garbage file would otherwise list millions).
constexpr std::size_t kMaxDiagnostics = 200;

struct Item {
  std::vector<std::string_view> w;
  int line = 0;
};

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t j = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > j) out.push_back(s.substr(j, i - j));
  }
  return out;
}

bool ends_with_letter(std::string_view w) {
  if (w.empty()) return false;
  const char c = w.back();
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  void error(int line, std::string_view field, std::string_view value, std::string message) {
    if (diags_.size() < kMaxDiagnostics)
      diags_.add(file_, line, std::string(field), detail::shown(value), std::move(message));
    else
      full_ = true;
  }
  [[nodiscard]] bool full() const { return full_; }

  // A number with a unit (`unit_required`: the unit must be written, so that swapped
  // columns are caught); nullopt after reporting the problem.
  std::optional<double> quantity(int line, std::string_view field, std::string_view w,
                                 const QuantityKind& kind, bool unit_required) {
    const QuantityResult r = parse_quantity(w, kind);
    if (!r.ok()) {
      error(line, field, w, r.error);
      return std::nullopt;
    }
    if (unit_required && !ends_with_letter(w)) {
      error(line, field, w, fmt::format("expected {} with its unit ({}), e.g. 12{}", kind.what,
                                        unit_list(kind), kind.units.front().symbol));
      return std::nullopt;
    }
    return r.value;
  }
  std::optional<Minutes> duration(int line, std::string_view field, std::string_view w) {
    const auto h = quantity(line, field, w, quantity::duration, true);
    if (!h) return std::nullopt;
    return hours(*h);
  }
  std::optional<UsdCents> price(int line, std::string_view field, std::string_view w) {
    const auto v = quantity(line, field, w, kPrice, true);
    if (!v) return std::nullopt;
    return usd(*v);
  }

  // Words past the last required one: `KEY=VALUE` options; `apply` returns false for a key it
  // does not know.
  template <class F>
  void options(const Item& it, std::size_t first, std::string_view expected, F&& apply) {
    for (std::size_t i = first; i < it.w.size(); ++i) {
      const std::string_view w = it.w[i];
      const auto eq = w.find('=');
      if (eq == std::string_view::npos || !apply(w.substr(0, eq), w.substr(eq + 1)))
        error(it.line, "option", w, fmt::format("expected {}", expected));
    }
  }

  Diagnostics& diags() { return diags_; }

 private:
  std::string file_;
  Diagnostics diags_;
  bool full_ = false;
};

// "rail:1435", "feeder": the mode and, for rail only, the gauge.
std::optional<Carriage> parse_carriage(Reader& rd, int line, std::string_view w) {
  const auto colon = w.find(':');
  const auto mode = parse_mode(w.substr(0, colon));
  if (!mode) {
    rd.error(line, "carriage", w, fmt::format("expected a mode ({}), rail with its gauge as rail:1435", mode_names()));
    return std::nullopt;
  }
  if (colon == std::string_view::npos) {
    if (*mode == Mode::rail) {
      rd.error(line, "carriage", w, "expected rail with its gauge: rail:1435, rail:1520 or rail:1067");
      return std::nullopt;
    }
    return Carriage{*mode, Gauge::none};
  }
  if (*mode != Mode::rail) {
    rd.error(line, "carriage", w, "expected a gauge only after rail (rail:1520); other modes have none");
    return std::nullopt;
  }
  const auto gauge = parse_gauge(w.substr(colon + 1));
  if (!gauge || *gauge == Gauge::none) {
    rd.error(line, "carriage", w, "expected a rail gauge: rail:1435, rail:1520 or rail:1067");
    return std::nullopt;
  }
  return Carriage{*mode, *gauge};
}

// "suez+malacca": the passages a sea link sails through.
std::optional<PassageSet> parse_passages(Reader& rd, int line, std::string_view list) {
  PassageSet set = 0;
  bool ok = !list.empty();
  std::string_view rest = list;
  while (ok && !rest.empty()) {
    const auto plus = rest.find('+');
    const auto p = parse_passage(rest.substr(0, plus));
    if (!p) ok = false;
    else set |= passage_bit(*p);
    rest = plus == std::string_view::npos ? std::string_view{} : rest.substr(plus + 1);
  }
  if (!ok) {
    rd.error(line, "via", list, fmt::format("expected passages joined by '+' (suez+malacca); passages: {}", passage_names()));
    return std::nullopt;
  }
  return set;
}

class Parser {
 public:
  explicit Parser(std::string_view file) : rd_(file) {}

  Network parse(std::string_view text) {
    read_lines(text);
    for (const Item& it : links_) {
      if (rd_.full()) break;
      add_link(it);
    }
    for (const Item& it : ops_) {
      if (rd_.full()) break;
      add_op(it);
    }
    if (b_.node_count() == 0 && rd_.diags().empty())
      rd_.error(0, "", "", "expected at least one node line (node CODE NAME)");
    rd_.diags().throw_if_any();
    return b_.build();
  }

 private:
  void read_lines(std::string_view text) {
    int line = 0;
    std::size_t pos = 0;
    while (pos < text.size() && !rd_.full()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos) end = text.size();
      std::string_view raw = text.substr(pos, end - pos);
      pos = end + 1;
      ++line;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      if (const auto bad = detail::utf8_error_offset(raw); bad != std::string_view::npos) {
        rd_.error(line, "", "", fmt::format("expected UTF-8 text; byte {} of the line is not", bad + 1));
        continue;
      }
      if (const auto hash = raw.find('#'); hash != std::string_view::npos) raw = raw.substr(0, hash);
      Item it{words(raw), line};
      if (it.w.empty()) continue;
      const std::string_view key = it.w[0];
      if (key == "mass") read_mass(it);
      else if (key == "factor") read_factor(it);
      else if (key == "node") read_node(it);
      else if (key == "link" || key == "two") links_.push_back(std::move(it));
      else if (key == "op") ops_.push_back(std::move(it));
      else rd_.error(line, "keyword", key, "expected a line starting with mass, factor, node, link, two or op");
    }
  }

  // Too few words: names the first missing field. Returns false then.
  bool has_fields(const Item& it, std::span<const std::string_view> fields, std::string_view usage) {
    if (it.w.size() >= fields.size()) return true;
    rd_.error(it.line, fields[it.w.size()], "", fmt::format("missing; expected {}", usage));
    return false;
  }

  void read_mass(const Item& it) {
    if (it.w.size() != 2) {
      rd_.error(it.line, "mass", it.w.size() > 2 ? it.w[2] : "", "expected one number: mass TONNES_PER_TEU");
      return;
    }
    if (const auto t = rd_.quantity(it.line, "mass", it.w[1], kMass, false)) b_.mass_per_teu(Tonnes(*t));
  }

  void read_factor(const Item& it) {
    if (it.w.size() != 4) {
      static constexpr std::array<std::string_view, 4> kFields = {"keyword", "mode", "wtw", "ttw"};
      if (it.w.size() < 4) has_fields(it, kFields, "factor MODE WTW TTW (g CO2e per tonne-km)");
      else rd_.error(it.line, "ttw", it.w[4], "expected nothing after the TTW figure");
      return;
    }
    const auto mode = parse_mode(it.w[1]);
    if (!mode) {
      rd_.error(it.line, "mode", it.w[1], fmt::format("expected a mode: {}", mode_names()));
      return;
    }
    const auto wtw = rd_.quantity(it.line, "wtw", it.w[2], quantity::intensity, false);
    const auto ttw = rd_.quantity(it.line, "ttw", it.w[3], quantity::intensity, false);
    if (!wtw || !ttw) return;
    auto& slot = factor_[static_cast<std::size_t>(*mode)];
    if (slot) {
      rd_.error(it.line, "mode", it.w[1], fmt::format("expected one factor per mode; {} has one on line {}", it.w[1], factor_line_[static_cast<std::size_t>(*mode)]));
      return;
    }
    factor_line_[static_cast<std::size_t>(*mode)] = it.line;
    slot = b_.add_emission_factor({.id = std::string(it.w[1]), .mode = *mode, .wtw = GramsPerTonneKm(*wtw),
                                   .ttw = GramsPerTonneKm(*ttw)});
  }

  void read_node(const Item& it) {
    static constexpr std::array<std::string_view, 2> kFields = {"keyword", "code"};
    if (!has_fields(it, kFields, "node CODE NAME")) return;
    const std::string_view code = it.w[1];
    const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (code.size() < 2 || !upper(code[0]) || !upper(code[1])) {
      rd_.error(it.line, "code", code, "expected a code that starts with its country (two capital letters), e.g. KZHOR");
      return;
    }
    if (const auto first = node_line_.find(code); first != node_line_.end()) {
      rd_.error(it.line, "code", code, fmt::format("expected a new code; node {} is on line {}", code, first->second));
      return;
    }
    std::string name;
    for (std::size_t i = 2; i < it.w.size(); ++i) {
      if (i > 2) name += ' ';
      name += it.w[i];
    }
    node_line_.emplace(std::string(code), it.line);
    b_.add_node({.code = std::string(code), .name = std::move(name), .country = std::string(code.substr(0, 2))});
    candidates_.push_back({.key = std::string(code), .names = {}, .label = {}});
  }

  std::optional<NodeId> node(int line, std::string_view field, std::string_view code) {
    if (const auto n = b_.find_node(code)) return n;
    rd_.error(line, field, code,
              fmt::format("expected the code of a node line{}", detail::did_you_mean(code, candidates_, budget_)));
    return std::nullopt;
  }

  EmissionFactorId factor_for(Mode mode) {
    auto& f = factor_[static_cast<std::size_t>(mode)];
    if (!f)
      f = b_.add_emission_factor({.id = std::string(to_string(mode)), .mode = mode,
                                  .wtw = GramsPerTonneKm(10.0), .ttw = GramsPerTonneKm(8.0)});
    return *f;
  }

  bool new_link_id(int line, const std::string& id) {
    const auto [it, fresh] = link_line_.emplace(id, line);
    if (!fresh) rd_.error(line, "id", id, fmt::format("expected a new link id; {} is on line {}", id, it->second));
    return fresh;
  }

  void add_link(const Item& it) {
    const std::string usage = fmt::format("{} {}", it.w[0], kLinkUsage);
    if (!has_fields(it, kLinkFields, usage)) return;
    const int ln = it.line;
    const auto from = node(ln, "from", it.w[2]);
    const auto to = node(ln, "to", it.w[3]);
    const auto carriage = parse_carriage(rd_, ln, it.w[4]);
    const auto distance = rd_.quantity(ln, "distance", it.w[5], quantity::distance, true);
    const auto duration = rd_.duration(ln, "duration", it.w[6]);
    const auto cost = rd_.price(ln, "cost", it.w[7]);
    std::optional<UsdCents> cost_feu;
    PassageSet passages = 0;
    bool options_ok = true;
    rd_.options(it, 8, "feu=COST or via=PASSAGES", [&](std::string_view key, std::string_view value) {
      if (key == "feu") {
        cost_feu = rd_.price(ln, "feu", value);
        options_ok = options_ok && cost_feu.has_value();
      } else if (key == "via") {
        const auto p = parse_passages(rd_, ln, value);
        options_ok = options_ok && p.has_value();
        if (p) passages |= *p;
      } else {
        return false;
      }
      return true;
    });
    if (from && to && *from == *to) {
      rd_.error(ln, "to", it.w[3], fmt::format("expected a node other than the link's start {}", it.w[2]));
      return;
    }
    if (!from || !to || !carriage || !distance || !duration || !cost || !options_ok) return;
    LinkSpec spec{.id = std::string(it.w[1]),
                  .from = *from,
                  .to = *to,
                  .carriage = *carriage,
                  .distance = Kilometres(*distance),
                  .duration = *duration,
                  .cost_teu = *cost,
                  .cost_feu = cost_feu ? *cost_feu : *cost * 2,
                  .factor = factor_for(carriage->mode),
                  .passages = passages};
    const bool two = it.w[0] == "two";
    if (!new_link_id(ln, spec.id) || (two && !new_link_id(ln, spec.id + std::string(kReverseLinkSuffix)))) return;
    if (two)
      b_.add_two_way_link(std::move(spec));
    else
      b_.add_link(std::move(spec));
  }

  void add_op(const Item& it) {
    if (!has_fields(it, kOpFields, kOpUsage)) return;
    const int ln = it.line;
    const auto at = node(ln, "node", it.w[1]);
    const auto kind = parse_operation_kind(it.w[2]);
    if (!kind) rd_.error(ln, "kind", it.w[2], fmt::format("expected an operation kind: {}", operation_kind_names()));
    const auto arrive = parse_carriage_pattern(it.w[3], true);
    if (!arrive)
      rd_.error(ln, "arrive", it.w[3], "expected a carriage pattern: *, start, sea, a mode (rail, road...) or rail:GAUGE");
    const auto depart = parse_carriage_pattern(it.w[4], false);
    if (!depart)
      rd_.error(ln, "depart", it.w[4], "expected a carriage pattern: *, end, sea, a mode (rail, road...) or rail:GAUGE");
    const auto duration = rd_.duration(ln, "duration", it.w[5]);
    const auto cost = rd_.price(ln, "cost", it.w[6]);
    std::optional<UsdCents> cost_feu;
    double hub = 0;
    bool options_ok = true;
    rd_.options(it, 7, "feu=COST or hub=KG_PER_T", [&](std::string_view key, std::string_view value) {
      if (key == "feu") {
        cost_feu = rd_.price(ln, "feu", value);
        options_ok = options_ok && cost_feu.has_value();
      } else if (key == "hub") {
        const auto h = rd_.quantity(ln, "hub", value, quantity::hub_intensity, false);
        options_ok = options_ok && h.has_value();
        if (h) hub = *h;
      } else {
        return false;
      }
      return true;
    });
    if (!at || !kind || !arrive || !depart || !duration || !cost || !options_ok) return;
    OperationInfo op;
    op.node = *at;
    op.kind = *kind;
    op.arrive = *arrive;
    op.depart = *depart;
    op.duration = Estimate<Minutes>::exact(*duration);
    op.cost_teu = Estimate<UsdCents>::exact(*cost);
    op.cost_feu = Estimate<UsdCents>::exact(cost_feu ? *cost_feu : *cost * 2);
    op.hub_kg_co2e_per_t = hub;
    b_.add_operation(std::move(op));
  }

  Reader rd_;
  NetworkBuilder b_;
  std::array<std::optional<EmissionFactorId>, kModeCount> factor_{};
  std::array<int, kModeCount> factor_line_{};
  std::map<std::string, int, std::less<>> node_line_;
  std::map<std::string, int, std::less<>> link_line_;
  std::vector<detail::Candidate> candidates_;
  std::size_t budget_ = detail::kSuggestionBudget;
  std::vector<Item> links_;
  std::vector<Item> ops_;
};

}  // namespace

Network parse_text_network(std::string_view text, std::string_view file_name) {
  return Parser(file_name).parse(text);
}

Network load_text_network(const std::filesystem::path& path) {
  return parse_text_network(detail::read_or_throw(path, kMaxTextNetworkBytes), path.string());
}

}  // namespace landbridge::io
