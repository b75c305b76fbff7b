// A contraction hierarchy over the sea-lane graph that stays exact under passage closures.
//
// Every arc carries the set of passages it sails through (a shortcut: the union of its two
// halves). A shortcut u-w via v is left out only when a witness path u~>w not through v is
// no longer AND uses only arcs whose passages are a subset of the shortcut's. So whatever set
// of passages a query closes, every arc the shortcut could stand for being usable implies its
// witness is usable too, and the filtered hierarchy is a hierarchy of the filtered graph.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/model/modes.h"

namespace landbridge::sea::detail {

inline constexpr std::uint32_t kNoArc = 0xFFFFFFFFu;

// An undirected segment of the input graph.
struct Segment {
  std::uint32_t a;
  std::uint32_t b;
  double length;
  PassageSet passages;
};

// An upward arc in query layout: from a vertex to a higher-ranked one (smaller position).
struct UpArc {
  double length;
  std::uint32_t head;      // position of the higher-ranked end
  PassageSet passages;
};

// What an arc stands for, to expand paths: an input segment (mid invalid) or a shortcut
// a - mid - b made of the arcs `child_a` (a-mid) and `child_b` (mid-b).
struct ArcRecord {
  std::uint32_t a;
  std::uint32_t b;
  std::uint32_t mid;  // kNoArc for an input segment
  std::uint32_t child_a;
  std::uint32_t child_b;
};

struct ContractionHierarchy {
  std::vector<std::uint32_t> position_of;  // input vertex -> position (0 = highest rank)
  std::vector<std::uint32_t> vertex_at;    // position -> input vertex
  std::vector<std::uint32_t> up_first;     // position -> first index in up (size n + 1)
  std::vector<UpArc> up;                   // upward arcs of each position, CSR
  std::vector<std::uint32_t> up_record;    // parallel to up: index into records
  std::vector<ArcRecord> records;          // segments first (record i = segment i), then shortcuts

  [[nodiscard]] std::size_t vertex_count() const { return vertex_at.size(); }
};

// Builds the hierarchy of an undirected graph on vertices 0..n-1. Deterministic.
ContractionHierarchy build_contraction_hierarchy(std::size_t n, std::span<const Segment> segments);

}  // namespace landbridge::sea::detail
