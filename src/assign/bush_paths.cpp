// Algorithm B: shortest paths over the whole network (the first bushes), the link totals, and
// the Algorithm the solver driver runs for Method::bush.
#include <functional>
#include <limits>
#include <queue>

#include "bush.h"

namespace landbridge::assign::bush {

namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

void Solver::shortest_tree(std::uint32_t origin, std::vector<std::uint32_t>* settled) {
  std::fill(min_label_.begin(), min_label_.end(), kInf);
  std::fill(min_pred_.begin(), min_pred_.end(), kNone);
  settled->clear();
  using Entry = std::pair<double, std::uint32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  min_label_[origin] = 0;
  heap.emplace(0.0, origin);
  while (!heap.empty()) {
    const auto [d, v] = heap.top();
    heap.pop();
    if (d > min_label_[v]) continue;
    settled->push_back(v);
    if (blocked(v, origin)) continue;
    for (ArcId id : net_.out_arcs(VertexId(v))) {
      const std::uint32_t a = id.get(), w = head_[a];
      const double l = d + costs_.cost(a);
      if (l < min_label_[w]) {
        min_label_[w] = l;
        min_pred_[w] = a;
        heap.emplace(l, w);
      }
    }
  }
}

void Solver::sync() {
  std::fill(total_.begin(), total_.end(), 0.0L);
  for (const Bush& b : bushes_)
    for (std::size_t a = 0; a < total_.size(); ++a) total_[a] += b.flow[a];
  for (std::uint32_t a = 0; a < total_.size(); ++a) costs_.refresh(a, total_[a]);
}

namespace {

class BushAlgorithm final : public Algorithm {
 public:
  void init(State& state) override {
    solver_ = std::make_unique<Solver>(state.net, state.demand, state.objective);
    solver_->initialise();
    hand_over(state);
  }
  void iterate(State& state) override {
    solver_->iterate();
    hand_over(state);
  }
  [[nodiscard]] bool needs_target() const override { return false; }

 private:
  void hand_over(State& state) {
    solver_->sync();
    solver_->flows(&state.flow);
  }
  std::unique_ptr<Solver> solver_;
};

}  // namespace

std::unique_ptr<Algorithm> make_algorithm(const Options&) { return std::make_unique<BushAlgorithm>(); }

}  // namespace landbridge::assign::bush
