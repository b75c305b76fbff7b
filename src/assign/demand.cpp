// Demand: a sparse matrix by origin.
#include <fmt/format.h>

#include <cmath>

#include "landbridge/assign/problem.h"

namespace landbridge::assign {

Demand::Demand(std::size_t zones) : rows_(zones) {}

void Demand::add(VertexId origin, VertexId destination, double volume) {
  if (!origin.valid() || origin.get() >= rows_.size() || !destination.valid() ||
      destination.get() >= rows_.size())
    throw ProblemError(fmt::format("demand {} -> {}: a zone outside the {} zones", origin.get(),
                                   destination.get(), rows_.size()));
  if (!std::isfinite(volume) || volume < 0)
    throw ProblemError(fmt::format("demand {} -> {}: volume {} is not a finite number >= 0",
                                   origin.get(), destination.get(), volume));
  if (volume == 0) return;
  for (Entry& e : rows_[origin.get()])
    if (e.destination == destination) {
      e.volume += volume;
      return;
    }
  rows_[origin.get()].push_back({destination, volume});
}

double Demand::total() const {
  long double sum = 0;
  for (const auto& row : rows_)
    for (const Entry& e : row) sum += e.volume;
  return static_cast<double>(sum);
}

double Demand::intrazonal() const {
  long double sum = 0;
  for (std::size_t o = 0; o < rows_.size(); ++o)
    for (const Entry& e : rows_[o])
      if (e.destination.get() == o) sum += e.volume;
  return static_cast<double>(sum);
}

}  // namespace landbridge::assign
