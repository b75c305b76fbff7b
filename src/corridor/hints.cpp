#include "hints.h"

#include <vector>

#include "landbridge/core/suggest.h"
#include "landbridge/model/modes.h"
#include "landbridge/route/locate.h"

namespace landbridge::corridor::detail {

std::string node_hint(const Network& net, std::string_view code) {
  std::vector<std::string> names;
  for (NodeId n : route::suggest(net, code)) names.push_back(net.node(n).code + " " + net.node(n).name);
  return names.empty() ? std::string() : " (did you mean " + join_or(names) + "?)";
}

std::string link_hint(const Network& net, std::string_view id) {
  std::vector<Candidate> links;
  links.reserve(net.link_count());
  for (std::uint32_t l = 0; l < net.link_count(); ++l) links.push_back({net.link_info(LinkId(l)).id, {}, {}});
  std::size_t budget = kSuggestionBudget;
  return did_you_mean(id, links, budget);
}

std::string passage_hint() { return " (known passages: " + passage_names() + ")"; }

}  // namespace landbridge::corridor::detail
