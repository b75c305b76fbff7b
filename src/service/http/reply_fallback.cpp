// Stand-in for service::problem() (src/service/domain/reply.cpp, lb_service) while the HTTP
// layer is built without the domain library; src/service/http/CMakeLists.txt drops it as soon
// as lb_service exists. Same body shape as reply.h documents.
#include "landbridge/service/reply.h"

namespace landbridge::service {

Reply problem(int status, std::string_view slug, std::string_view title, std::string_view detail,
              std::string_view field) {
  Reply r;
  r.status = status;
  r.problem = true;
  r.body = {{"type", "https://landbridge.dev/problems/" + std::string(slug)},
            {"title", title},
            {"status", status},
            {"detail", detail}};
  if (!field.empty()) r.body["field"] = field;
  return r;
}

}  // namespace landbridge::service
