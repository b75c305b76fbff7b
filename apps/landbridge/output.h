// Checked output of the landbridge command line. Every byte meant for the user goes through
// these functions: a failed write to standard output or to an -o file becomes OutputError
// (exit 5, kOutput), and messages to standard error never throw, so an error printer cannot
// itself fail inside main's handler (stderr to a full disk: the exit code still says what
// happened).
#pragma once

#include <fmt/format.h>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace landbridge::cli {

// Output that could not be written: `path` is the file, or "standard output".
class OutputError : public std::runtime_error {
 public:
  OutputError(std::string path, int err);
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] int error_number() const { return errno_; }

 private:
  std::string path_;
  int errno_;
};

// Appends `text` to standard output (buffered). A failure is remembered and reported by
// finish_output(); writing goes on as if nothing happened so that a partial table is not
// mistaken for the cause.
void print_out(std::string_view text);
// Writes `text` to standard error; never throws. A failure is remembered for finish_output().
void print_err(std::string_view text) noexcept;

template <typename... Args>
void say(fmt::format_string<Args...> f, Args&&... args) noexcept {
  try {
    print_err(fmt::format(f, std::forward<Args>(args)...));
  } catch (...) {  // formatting only allocates; out of memory leaves nothing to say
  }
}

// `text` to the file `path`, or to standard output when `path` is "" or "-". A file is written
// whole and closed; any failure (cannot open, disk full, close failed) throws OutputError.
void write_output(const std::string& path, std::string_view text);

// Flushes standard output and checks both standard streams. Returns `code`, or kOutput when it
// is kOk and something could not be written; prints "error: could not write standard output:
// ..." while standard error still works.
int finish_output(int code) noexcept;

// A progress bar of 30 cells with its count, "[#########                     ] 3/10", as the
// simulate and sweep subcommands redraw it on a terminal.
[[nodiscard]] std::string progress_bar(std::size_t done, std::size_t total);

// Under mpirun only the root rank speaks: with quiet set, print_out and write_output do
// nothing and print_err keeps the last few KiB of text in memory instead (held_back()), for
// the rare case that this rank alone fails and must say why before it ends the job.
void set_quiet(bool quiet) noexcept;
[[nodiscard]] bool quiet() noexcept;
[[nodiscard]] std::string held_back();

}  // namespace landbridge::cli
