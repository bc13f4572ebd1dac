#pragma once
// Runs a helper program from a test (an SMTP sink, the server, PostgreSQL tools) and makes sure
// it is gone when the test is, whatever way the test ends.
//
//   auto sink = ChildProcess::start("/usr/bin/python3", {script, dir});
//   auto ready = sink.waitForLineStartingWith("READY", 10s);
//   REQUIRE(ready);   // on failure, sink.transcript() says what the program printed
//
// - The child gets its own process group. terminate() (also run by the destructor) on a
//   running child sends SIGTERM to the group, waits up to `terminateGrace` for the child to
//   exit, then SIGKILLs the group (stragglers included); it always reaps the child with
//   waitpid: no zombies. A child that already exited by itself is only reaped, so a daemon it
//   left behind on purpose (`pg_ctl start`) keeps running.
// - A background thread drains the child's stdout (and stderr with Stderr::Merge) all the
//   time, so a chatty program never blocks on a full pipe; lines queue up for readLine().
// - With `dieWithParent` the kernel SIGKILLs the child if the test process dies (crash,
//   SIGKILL); this is tied to the *thread* that started the child, so start children from
//   the test's main thread (or a thread that outlives them).
// - Failing to start (no such program, exec error) throws std::runtime_error.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tessera::test {

// Where the child's stderr goes.
enum class StderrMode {
    Inherit,  // the test's stderr (shows up in the test run's output)
    Merge,    // into the stdout pipe, read with readLine()
    Discard   // /dev/null
};

// Set fields directly or chain: ChildProcess::Options().withStderr(StderrMode::Merge).withEnv("PGPORT=5433")
// (GCC warns about designated initializers that skip members, so prefer the setters).
struct ProcessOptions {
    std::vector<std::string> env;       // "NAME=value", added to or replacing the test's environment
    std::vector<std::string> unsetEnv;  // names removed from the environment
    std::string workingDirectory;       // empty: the test's
    StderrMode stderrMode = StderrMode::Inherit;
    bool pipeStdin = false;             // else stdin is /dev/null
    std::chrono::milliseconds terminateGrace{5000};
    bool dieWithParent = true;

    ProcessOptions& withEnv(std::string nameValue) { env.push_back(std::move(nameValue)); return *this; }
    ProcessOptions& withoutEnv(std::string name) { unsetEnv.push_back(std::move(name)); return *this; }
    ProcessOptions& inDirectory(std::string dir) { workingDirectory = std::move(dir); return *this; }
    ProcessOptions& withStderr(StderrMode mode) { stderrMode = mode; return *this; }
    ProcessOptions& withStdinPipe() { pipeStdin = true; return *this; }
    ProcessOptions& withTerminateGrace(std::chrono::milliseconds grace) { terminateGrace = grace; return *this; }
};

class ChildProcess {
public:
    using Stderr = StderrMode;
    using Options = ProcessOptions;

    // Exit status: the exit code (0-255), or 128 + the signal number if a signal ended it.
    struct RunResult {
        int exitStatus = -1;
        std::string output;  // stdout (and stderr with Merge), lines joined with '\n'
        bool timedOut = false;
    };

    // `program` is a path, or a name looked up in PATH. `args` excludes argv[0].
    static ChildProcess start(const std::string& program, const std::vector<std::string>& args, Options options = {});

    // Runs a program to completion (killing it after `timeout`) and collects its output.
    static RunResult run(const std::string& program, const std::vector<std::string>& args,
                         std::chrono::milliseconds timeout, Options options = {});

    ChildProcess(ChildProcess&&) noexcept;
    ChildProcess& operator=(ChildProcess&&) noexcept;
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();  // terminate()

    pid_t pid() const;
    const std::string& program() const;

    // The next output line (without "\n" or "\r\n"); nullopt after `timeout` or at end of output.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);
    // Reads lines until one matches (returned) or `timeout` passes; skipped lines stay in transcript().
    std::optional<std::string> waitForLine(const std::function<bool(const std::string&)>& match,
                                           std::chrono::milliseconds timeout);
    std::optional<std::string> waitForLineStartingWith(std::string_view prefix, std::chrono::milliseconds timeout);
    // True once the output pipe is closed and every line has been read.
    bool outputFinished() const;
    // Everything read from the output pipe so far (at most the last 256 KiB), for failure messages.
    std::string transcript() const;

    // Only with Options::pipeStdin. Throws std::runtime_error if the child closed its stdin.
    void writeStdin(std::string_view data);
    void closeStdin();

    // True while the child has not exited (does not reap it).
    bool running() const;
    // Waits for the child to exit by itself and reaps it; nullopt if it is still running after `timeout`.
    std::optional<int> wait(std::chrono::milliseconds timeout);
    // Stops the child (see above) and returns its exit status; idempotent.
    int terminate();
    // Sends `signal` to the child's process group while it runs.
    void signal(int signal);
    // The exit status once reaped.
    std::optional<int> exitStatus() const;

private:
    struct Impl;
    explicit ChildProcess(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// "exit code 3", "killed by signal 9 (SIGKILL)", ...
std::string describeExitStatus(int status);

}  // namespace tessera::test
