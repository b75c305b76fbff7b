// One shortest-path tree per origin: Dijkstra on the network's compressed rows with a binary
// heap, reusing its arrays from one origin to the next.
//
// Centroids (zone vertices below first_thru) are path ends only: the tree may reach them but
// never leaves one that is not the origin.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "landbridge/assign/problem.h"

namespace landbridge::assign {

class ShortestPaths {
 public:
  explicit ShortestPaths(const Network& net);

  // Grows the tree of `origin` under arc costs `cost` (>= 0, one per arc) until every vertex in
  // `targets` is settled (all vertices when `targets` is empty).
  void grow(VertexId origin, std::span<const double> cost, std::span<const VertexId> targets = {});

  [[nodiscard]] double distance(VertexId v) const { return dist_[v.get()]; }
  [[nodiscard]] bool reached(VertexId v) const { return settled_[v.get()] == round_; }
  // The arc that enters v on its shortest path (invalid at the origin or where unreached).
  [[nodiscard]] ArcId pred(VertexId v) const { return reached(v) ? pred_[v.get()] : ArcId{}; }
  // Settled vertices, nearest first (the origin first).
  [[nodiscard]] std::span<const VertexId> order() const { return order_; }

 private:
  struct Entry {
    double key;
    std::uint32_t vertex;
  };
  void push(double key, std::uint32_t v);
  Entry pop();

  const Network& net_;
  // The out-arcs of each vertex, head and arc id side by side (the network's Arc records are
  // larger than the scan needs).
  std::vector<std::uint32_t> first_out_, out_head_, out_arc_;
  std::vector<double> dist_;
  std::vector<ArcId> pred_;
  std::vector<std::uint32_t> stamp_;    // == round_: dist_/pred_ hold this origin's labels
  std::vector<std::uint32_t> settled_;  // == round_: settled for this origin
  std::vector<std::uint8_t> wanted_;
  std::vector<VertexId> order_;
  std::vector<Entry> heap_;
  std::uint32_t round_ = 0;
};

}  // namespace landbridge::assign
