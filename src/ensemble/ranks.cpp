// Ranks: which process of an MPI job this is (0 of 1 outside one), MPI's start and end.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "landbridge/ensemble/tasks.h"

#ifdef LANDBRIDGE_HAVE_MPI
#include <chrono>
#include <thread>

#include "mpi_comm.h"
#endif

namespace landbridge::ensemble {

namespace {

Ranks& the_ranks() {
  static Ranks ranks;
  return ranks;
}

// Whether a launcher started this process as part of an MPI job. Without one, MPI_Init would
// make a singleton job (and with OpenMPI try to start its daemon): we never do that.
[[maybe_unused]] bool launched_by_mpi() {
  for (const char* var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMI_RANK", "PMIX_RANK"}) {
    if (std::getenv(var) != nullptr) return true;
  }
  return false;
}

#ifdef LANDBRIDGE_HAVE_MPI
MPI_Comm g_comm = MPI_COMM_NULL;


// Finalises MPI when the program ends (after main returns or exit()), unless finish() aborted.
struct Finaliser {
  bool armed = false;
  ~Finaliser() {
    if (!armed) return;
    int finalized = 0;
    MPI_Finalized(&finalized);
    if (finalized) return;
    if (g_comm != MPI_COMM_NULL) MPI_Comm_free(&g_comm);
    MPI_Finalize();
  }
};
Finaliser& finaliser() {
  static Finaliser f;
  return f;
}
#endif

}  // namespace

#ifdef LANDBRIDGE_HAVE_MPI
namespace detail {

MPI_Comm task_comm() { return g_comm; }

void check(int rc, const char* what) {
  if (rc == MPI_SUCCESS) return;
  char text[MPI_MAX_ERROR_STRING] = {};
  int len = 0;
  MPI_Error_string(rc, text, &len);
  throw Error(std::string("MPI: ") + what + " failed: " + std::string(text, static_cast<std::size_t>(len)));
}

long Backoff::next() {
  const long now = us_;
  us_ = std::min(us_ * 2, max_us_);
  return now;
}

void wait_sleeping(MPI_Request& request) {
  Backoff backoff;
  for (;;) {
    int done = 0;
    check(MPI_Test(&request, &done, MPI_STATUS_IGNORE), "MPI_Test");
    if (done) return;
    std::this_thread::sleep_for(std::chrono::microseconds(backoff.next()));
  }
}

}  // namespace detail
#endif

Ranks& Ranks::init([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv) {
  Ranks& r = the_ranks();
#ifdef LANDBRIDGE_HAVE_MPI
  int initialized = 0;
  MPI_Initialized(&initialized);
  if (initialized || !launched_by_mpi()) return r;
  finaliser();  // constructed before MPI starts, so destroyed (MPI finalised) at exit
  int provided = 0;
  detail::check(MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
  finaliser().armed = true;
  if (provided < MPI_THREAD_FUNNELED) {
    throw Error("MPI: the library offers no thread support (MPI_THREAD_FUNNELED needed for the worker threads)");
  }
  detail::check(MPI_Comm_dup(MPI_COMM_WORLD, &g_comm), "MPI_Comm_dup");
  MPI_Comm_rank(MPI_COMM_WORLD, &r.rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &r.size_);
  r.mpi_ = true;
#endif
  return r;
}

Ranks& Ranks::get() { return the_ranks(); }

bool Ranks::all_ok(bool ok) const {
#ifdef LANDBRIDGE_HAVE_MPI
  if (mpi_ && size_ > 1) {
    int mine = ok ? 1 : 0;
    int all = 0;
    MPI_Request req = MPI_REQUEST_NULL;
    detail::check(MPI_Iallreduce(&mine, &all, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD, &req), "MPI_Iallreduce");
    detail::wait_sleeping(req);
    return all == 1;
  }
#endif
  return ok;
}

int Ranks::finish(int code, [[maybe_unused]] const std::string& last_words, [[maybe_unused]] double grace_s) {
  if (finished_) return code;
  finished_ = true;
#ifdef LANDBRIDGE_HAVE_MPI
  if (!mpi_ || size_ == 1) return code;
  MPI_Request req = MPI_REQUEST_NULL;
  if (MPI_Ibarrier(MPI_COMM_WORLD, &req) != MPI_SUCCESS) return code;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::duration<double>(grace_s);
  detail::Backoff backoff(10000);
  for (;;) {
    int done = 0;
    if (MPI_Test(&req, &done, MPI_STATUS_IGNORE) != MPI_SUCCESS || done) return code;
    if (code != 0 && std::chrono::steady_clock::now() > give_up) break;
    std::this_thread::sleep_for(std::chrono::microseconds(backoff.next()));
  }
  // This rank failed and the others are still waiting for it inside a collective call: end
  // the job rather than hang it.
  if (!last_words.empty() && !root()) {
    std::fprintf(stderr, "rank %d: %s", rank_, last_words.c_str());
    if (last_words.back() != '\n') std::fputc('\n', stderr);
  }
  std::fflush(stderr);
  finaliser().armed = false;
  MPI_Abort(MPI_COMM_WORLD, code);
#endif
  return code;
}

}  // namespace landbridge::ensemble

#if defined(__SANITIZE_ADDRESS__)
#define LANDBRIDGE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LANDBRIDGE_ASAN 1
#endif
#endif

#if defined(LANDBRIDGE_HAVE_MPI) && defined(LANDBRIDGE_ASAN)
// Under AddressSanitizer only: OpenMPI and PMIx keep some memory until exit and unload their
// plugins (mca_*.so) with dlclose, during MPI_Init (those not selected) and in MPI_Finalize.
// LeakSanitizer's report at exit would then show that memory in no known module, which no
// suppression can name. This dlclose, defined in the program, is the one the dynamic linker
// binds every library's call to: it unloads nothing, so the plugins keep their names for the
// suppressions of tests/ensemble/lsan.supp; leaks of our own code are reported as ever.
extern "C" int dlclose(void* /*handle*/) { return 0; }
#endif
