#include "kd_tree.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace landbridge::sea::detail {

namespace {
void unit_vector(LatLon ll, double out[3]) {
  constexpr double rad = std::numbers::pi / 180.0;
  const double lat = ll.lat * rad;
  const double lon = ll.lon * rad;
  out[0] = std::cos(lat) * std::cos(lon);
  out[1] = std::cos(lat) * std::sin(lon);
  out[2] = std::sin(lat);
}
double dist2(const double a[3], const double b[3]) {
  const double dx = a[0] - b[0];
  const double dy = a[1] - b[1];
  const double dz = a[2] - b[2];
  return dx * dx + dy * dy + dz * dz;
}
}  // namespace

SphereKdTree::SphereKdTree(std::span<const LatLon> points) {
  nodes_.resize(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    unit_vector(points[i], nodes_[i].p);
    nodes_[i].id = static_cast<std::uint32_t>(i);
    nodes_[i].axis = 0;
  }
  build(0, nodes_.size());
}

void SphereKdTree::build(std::size_t lo, std::size_t hi) {
  if (hi - lo <= 1) return;
  // Split on the axis of widest spread.
  double mn[3] = {2, 2, 2};
  double mx[3] = {-2, -2, -2};
  for (std::size_t i = lo; i < hi; ++i) {
    for (int a = 0; a < 3; ++a) {
      mn[a] = std::min(mn[a], nodes_[i].p[a]);
      mx[a] = std::max(mx[a], nodes_[i].p[a]);
    }
  }
  std::uint32_t axis = 0;
  for (std::uint32_t a = 1; a < 3; ++a) {
    if (mx[a] - mn[a] > mx[axis] - mn[axis]) axis = a;
  }
  const std::size_t mid = (lo + hi) / 2;
  const auto first = nodes_.begin() + static_cast<std::ptrdiff_t>(lo);
  std::nth_element(first, nodes_.begin() + static_cast<std::ptrdiff_t>(mid),
                   nodes_.begin() + static_cast<std::ptrdiff_t>(hi), [axis](const Node& x, const Node& y) {
                     return x.p[axis] < y.p[axis] || (x.p[axis] == y.p[axis] && x.id < y.id);
                   });
  nodes_[mid].axis = axis;
  build(lo, mid);
  build(mid + 1, hi);
}

void SphereKdTree::search(std::size_t lo, std::size_t hi, const double q[3], Best& best) const {
  if (lo >= hi) return;
  const std::size_t mid = (lo + hi) / 2;
  const Node& n = nodes_[mid];
  const double d2 = dist2(n.p, q);
  if (d2 < best.d2 || (d2 == best.d2 && n.id < best.id)) best = {d2, n.id};
  if (hi - lo == 1) return;
  const double diff = q[n.axis] - n.p[n.axis];
  if (diff < 0) {
    search(lo, mid, q, best);
    if (diff * diff <= best.d2) search(mid + 1, hi, q, best);
  } else {
    search(mid + 1, hi, q, best);
    if (diff * diff <= best.d2) search(lo, mid, q, best);
  }
}

std::uint32_t SphereKdTree::nearest(LatLon q) const {
  double v[3];
  unit_vector(q, v);
  Best best{std::numeric_limits<double>::infinity(), 0};
  search(0, nodes_.size(), v, best);
  return best.id;
}

}  // namespace landbridge::sea::detail
