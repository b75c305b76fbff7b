// The text network reader (io/text_network.h, docs/text-network-format.md): the documented
// example loads with the nodes, links and operations it spells out, and every kind of bad line
// is reported with the file, its line, the field and what was expected.
#include "landbridge/io/text_network.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../support/scratch.h"
#include "landbridge/core/error.h"

namespace landbridge::io {
namespace {

const std::filesystem::path kExample =
    std::filesystem::path(LANDBRIDGE_SOURCE_DIR) / "examples" / "text-network" / "toy-corridor.txt";

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

LinkId link(const Network& net, const std::string& id) {
  for (std::size_t i = 0; i < net.link_count(); ++i)
    if (net.link_info(LinkId(static_cast<std::uint32_t>(i))).id == id) return LinkId(static_cast<std::uint32_t>(i));
  ADD_FAILURE() << "no link " << id;
  return LinkId{};
}

std::vector<OperationId> ops_at(const Network& net, const std::string& code, OperationKind kind) {
  std::vector<OperationId> out;
  const NodeId n = *net.find_node(code);
  for (std::size_t i = 0; i < net.operation_count(); ++i) {
    const OperationId o(static_cast<std::uint32_t>(i));
    if (net.operation(o).node == n && net.operation(o).kind == kind) out.push_back(o);
  }
  return out;
}

TEST(TextNetwork, TheDocumentedExampleLoadsAsWritten) {
  const Network net = load_text_network(kExample);
  ASSERT_EQ(net.node_count(), 6u);
  EXPECT_EQ(net.link_count(), 8u);  // two `two` lines add their reverse links
  EXPECT_EQ(net.operation_count(), 6u);
  EXPECT_EQ(net.mass_per_teu(), Tonnes(10.0));

  const NodeId hor = *net.find_node("KZHOR");
  EXPECT_EQ(net.node(hor).name, "Khorgos");
  EXPECT_EQ(net.node(hor).country, "KZ");

  const LinkId broad = link(net, "rail-hor-mal");
  EXPECT_EQ(net.node(net.link_from(broad)).code, "KZHOR");
  EXPECT_EQ(net.node(net.link_to(broad)).code, "PLMAL");
  EXPECT_EQ(net.link_carriage(broad), (Carriage{Mode::rail, Gauge::g1520}));
  EXPECT_EQ(net.link_distance(broad), Kilometres(5200.0));
  EXPECT_EQ(net.link_duration(broad), days(8));
  EXPECT_EQ(net.link_cost_teu(broad), usd(2500));
  EXPECT_EQ(net.link_cost_feu(broad), usd(4200));
  EXPECT_EQ(net.emission_factor(net.link_emission_factor(broad)).wtw, GramsPerTonneKm(20.0));
  EXPECT_EQ(net.emission_factor(net.link_emission_factor(broad)).ttw, GramsPerTonneKm(15.0));

  // Without feu= an FEU pays twice the TEU price; a mode without a factor line gets 10 / 8 g/tkm.
  EXPECT_EQ(net.link_cost_feu(link(net, "rail-lyg-hor")), usd(3000));
  const LinkId road = link(net, "road-rtm-dui");
  EXPECT_EQ(net.emission_factor(net.link_emission_factor(road)).wtw, GramsPerTonneKm(10.0));
  EXPECT_EQ(net.emission_factor(net.link_emission_factor(road)).ttw, GramsPerTonneKm(8.0));

  // `two` adds the reverse as ID~r, with the same figures.
  const LinkId back = link(net, "fdr-hkt-lyg~r");
  EXPECT_EQ(net.node(net.link_from(back)).code, "CNLYG");
  EXPECT_EQ(net.node(net.link_to(back)).code, "JPHKT");
  EXPECT_EQ(net.link_cost_feu(back), usd(450));
  EXPECT_EQ(net.link_duration(back), hours(48));

  const PassageSet via = net.link_passages(link(net, "sea-hkt-rtm"));
  EXPECT_EQ(via, passage_bit(Passage::malacca) | passage_bit(Passage::babalmandab) | passage_bit(Passage::suez) |
                     passage_bit(Passage::gibraltar));

  const auto gauge = ops_at(net, "KZHOR", OperationKind::gauge_change);
  ASSERT_EQ(gauge.size(), 1u);
  const OperationInfo& g = net.operation(gauge[0]);
  EXPECT_EQ(g.duration.value, hours(6));
  EXPECT_EQ(g.cost_teu.value, usd(200));
  EXPECT_EQ(g.cost_feu.value, usd(300));
  EXPECT_EQ(g.arrive, *parse_carriage_pattern("rail:1435", true));
  EXPECT_EQ(g.depart, *parse_carriage_pattern("rail:1520", false));
  const auto handling = ops_at(net, "NLRTM", OperationKind::handling);
  ASSERT_EQ(handling.size(), 1u);
  EXPECT_DOUBLE_EQ(net.operation(handling[0]).hub_kg_co2e_per_t, 1.5);
  EXPECT_EQ(net.operation(handling[0]).cost_feu.value, usd(300));
  EXPECT_EQ(ops_at(net, "PLMAL", OperationKind::dwell).size(), 1u);
}

TEST(TextNetwork, TheFormatDocumentShowsTheExampleVerbatim) {
  const std::string doc = read_all(std::filesystem::path(LANDBRIDGE_SOURCE_DIR) / "docs" / "text-network-format.md");
  const std::string example = read_all(kExample);
  ASSERT_FALSE(example.empty());
  EXPECT_NE(doc.find(example), std::string::npos) << "docs/text-network-format.md no longer shows " << kExample;
}

TEST(TextNetwork, CommentsBlankLinesAndCrlfAreIgnored) {
  const Network net = parse_text_network("# two places\r\n\r\nnode AAXXX First place # a comment\r\n"
                                         "\tnode BBYYY Second\r\n"
                                         "link r AAXXX BBYYY road 10km 30min 5usd   # trailing\r\n");
  ASSERT_EQ(net.node_count(), 2u);
  EXPECT_EQ(net.node(*net.find_node("AAXXX")).name, "First place");
  ASSERT_EQ(net.link_count(), 1u);
  EXPECT_EQ(net.link_duration(LinkId(0)), Minutes(30));
}

TEST(TextNetwork, NodesMayFollowTheLinksThatUseThem) {
  const Network net = parse_text_network("link r AAXXX BBYYY road 10nm 1h 5usd\nnode AAXXX A\nnode BBYYY B\n");
  ASSERT_EQ(net.link_count(), 1u);
  EXPECT_NEAR(net.link_distance(LinkId(0)).value(), 18.52, 1e-9);
}

struct BadLine {
  const char* line;   // written as line 3, after two good node lines
  const char* field;  // the field the diagnostic names
  const char* says;   // part of its message
};

class TextNetworkBadLine : public ::testing::TestWithParam<BadLine> {};

TEST_P(TextNetworkBadLine, NamesFileLineAndField) {
  const BadLine& c = GetParam();
  const std::string text = std::string("node AAXXX First\nnode BBYYY Second\n") + c.line + "\n";
  try {
    (void)parse_text_network(text, "small.txt");
    FAIL() << "accepted: " << c.line;
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    const Diagnostic& d = e.diagnostics().front();
    EXPECT_EQ(d.file, "small.txt");
    EXPECT_EQ(d.line, 3) << d.to_string();
    EXPECT_EQ(d.field, c.field) << d.to_string();
    EXPECT_NE(d.message.find(c.says), std::string::npos) << d.to_string();
    EXPECT_EQ(std::string(e.what()).rfind("small.txt:3: field '" + std::string(c.field) + "'", 0), 0u) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, TextNetworkBadLine,
    ::testing::Values(
        BadLine{"frob AAXXX", "keyword", "mass, factor, node, link, two or op"},
        BadLine{"mass 0", "mass", "greater than 0"},
        BadLine{"mass ten", "mass", "a mass in tonnes per TEU"},
        BadLine{"mass 10 t", "mass", "one number"},
        BadLine{"factor warp 1 1", "mode", "expected a mode"},
        BadLine{"factor rail 20", "ttw", "missing"},
        BadLine{"factor rail 20 x", "ttw", "an emission intensity"},
        BadLine{"node aaxxx Lower case", "code", "two capital letters"},
        BadLine{"node AAXXX Again", "code", "line 1"},
        BadLine{"link l1", "from", "missing"},
        BadLine{"link l1 AAXXX BBYYY road 100km 10h", "cost", "missing"},
        BadLine{"link l1 AAXXX CCZZZ road 100km 10h 5usd", "to", "the code of a node line"},
        BadLine{"link l1 AAXXX BBYYY rail 100km 10h 5usd", "carriage", "rail with its gauge"},
        BadLine{"link l1 AAXXX BBYYY road:1435 100km 10h 5usd", "carriage", "only after rail"},
        BadLine{"link l1 AAXXX BBYYY rail:1000 100km 10h 5usd", "carriage", "a rail gauge"},
        BadLine{"link l1 AAXXX BBYYY boat 100km 10h 5usd", "carriage", "expected a mode"},
        BadLine{"link l1 AAXXX BBYYY road 100 10h 5usd", "distance", "with its unit"},
        BadLine{"link l1 AAXXX BBYYY road 1e400km 10h 5usd", "distance", "out of range"},
        BadLine{"link l1 AAXXX BBYYY road 60000km 10h 5usd", "distance", "at most"},
        BadLine{"link l1 AAXXX BBYYY road 100km 5usd 5usd", "duration", "unknown unit"},
        BadLine{"link l1 AAXXX BBYYY road 100km 400d 5usd", "duration", "at most"},
        BadLine{"link l1 AAXXX BBYYY road 100km 10h -5usd", "cost", "not negative"},
        BadLine{"link l1 AAXXX BBYYY road 100km 10h 5eur", "cost", "unknown unit"},
        BadLine{"link l1 AAXXX BBYYY road 100km 10h 5usd feu=x", "feu", "a price"},
        BadLine{"link l1 AAXXX BBYYY road 100km 10h 5usd via=suez+atlantis", "via", "passages joined by '+'"},
        BadLine{"link l1 AAXXX BBYYY road 100km 10h 5usd speed=3", "option", "feu=COST or via=PASSAGES"},
        BadLine{"link l1 AAXXX AAXXX road 100km 10h 5usd", "to", "other than the link's start"},
        BadLine{"op AAXXX", "kind", "missing"},
        BadLine{"op CCZZZ handling * * 1h 1usd", "node", "the code of a node line"},
        BadLine{"op AAXXX teleport * * 1h 1usd", "kind", "operation kind"},
        BadLine{"op AAXXX handling rail:9 * 1h 1usd", "arrive", "carriage pattern"},
        BadLine{"op AAXXX handling * start 1h 1usd", "depart", "carriage pattern"},
        BadLine{"op AAXXX handling * * 1 1usd", "duration", "with its unit"},
        BadLine{"op AAXXX handling * * 1h 1usd hub=-2", "hub", "not negative"},
        BadLine{"op AAXXX handling * * 1h 1usd crane=2", "option", "feu=COST or hub=KG_PER_T"}));

TEST(TextNetwork, DuplicateLinkIdsNameBothLines) {
  const std::string text =
      "node AAXXX A\nnode BBYYY B\nlink l1 AAXXX BBYYY road 1km 1h 1usd\ntwo l1 BBYYY AAXXX road 1km 1h 1usd\n";
  try {
    (void)parse_text_network(text);
    FAIL() << "accepted a duplicate link id";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    const Diagnostic& d = e.diagnostics().front();
    EXPECT_EQ(d.file, "<text>");
    EXPECT_EQ(d.line, 4);
    EXPECT_EQ(d.field, "id");
    EXPECT_NE(d.message.find("line 3"), std::string::npos) << d.to_string();
  }
}

TEST(TextNetwork, EveryProblemIsReportedInLineOrder) {
  const std::string text =
      "node AAXXX A\nmass -1\nnode BBYYY B\nlink l1 AAXXX BBYYY road 1km 1h 1usd via=x\nop BBYYY dwell * * 2h 0usd\n"
      "op ZZ handling * * 1h\n";
  try {
    (void)parse_text_network(text);
    FAIL() << "accepted bad lines";
  } catch (const LoadError& e) {
    std::vector<int> lines;
    for (const Diagnostic& d : e.diagnostics()) lines.push_back(d.line);
    EXPECT_EQ(lines, (std::vector<int>{2, 4, 6})) << e.what();
    EXPECT_NE(std::string(e.what()).find("and 2 more problems"), std::string::npos) << e.what();
  }
}

TEST(TextNetwork, TextWithoutNodesIsAnError) {
  try {
    (void)parse_text_network("# nothing here\n\n");
    FAIL() << "accepted an empty network";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_NE(e.diagnostics().front().message.find("at least one node"), std::string::npos);
  }
}

TEST(TextNetwork, FileErrorsNameThePath) {
  const auto dir = testing_support::scratch_dir();
  const auto bad = dir / "bad.txt";
  {
    std::ofstream out(bad, std::ios::binary);
    out << "node AAXXX A\nnode BBYYY B\nlink l1 AAXXX BBYYY road 1km 1h\n";
  }
  try {
    (void)load_text_network(bad);
    FAIL() << "accepted a short link line";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(bad.string() + ":3: field 'cost'", 0), 0u) << e.what();
  }
  for (const auto& [path, says] : {std::pair{dir / "missing.txt", "no such file"}, std::pair{dir, "regular file"}}) {
    try {
      (void)load_text_network(path);
      FAIL() << "read " << path;
    } catch (const LoadError& e) {
      ASSERT_EQ(e.diagnostics().size(), 1u);
      EXPECT_EQ(e.diagnostics().front().file, path.string());
      EXPECT_NE(e.diagnostics().front().message.find(says), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace landbridge::io
