// Nearest-point search on the sphere: a static 3-d tree over unit vectors.
//
// The straight-line (chord) distance between unit vectors grows with the great-circle angle,
// so the nearest point by chord is the nearest point by great-circle distance.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "landbridge/core/geo.h"

namespace landbridge::sea::detail {

class SphereKdTree {
 public:
  SphereKdTree() = default;
  // Indexes `points`; point i answers as i.
  explicit SphereKdTree(std::span<const LatLon> points);

  // Index of the point nearest to `q` (lowest index on an exact tie); requires size() > 0.
  [[nodiscard]] std::uint32_t nearest(LatLon q) const;
  [[nodiscard]] std::size_t size() const { return nodes_.size(); }

 private:
  struct Node {
    double p[3];
    std::uint32_t id;
    std::uint32_t axis;
  };
  struct Best {
    double d2;
    std::uint32_t id;
  };
  void build(std::size_t lo, std::size_t hi);
  void search(std::size_t lo, std::size_t hi, const double q[3], Best& best) const;

  // Implicit balanced tree: the node of range [lo, hi) sits at (lo + hi) / 2, its children
  // cover [lo, mid) and [mid + 1, hi).
  std::vector<Node> nodes_;
};

}  // namespace landbridge::sea::detail
