#include "landbridge/service/reply.h"

namespace landbridge::service {

Reply problem(int status, std::string_view slug, std::string_view title, std::string_view detail,
              std::string_view field) {
  Reply r;
  r.status = status;
  r.problem = true;
  r.body = {{"type", "https://landbridge.dev/problems/" + std::string(slug)},
            {"title", std::string(title)},
            {"status", status},
            {"detail", std::string(detail)}};
  if (!field.empty()) r.body["field"] = std::string(field);
  return r;
}

}  // namespace landbridge::service
