#include "support/ChildProcess.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace tessera::test {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kTranscriptLimit = 256 * 1024;
constexpr std::size_t kQueueLimit = 100000;  // unread lines kept; the oldest go first

std::string errnoText(const std::string& what, int err) { return what + ": " + std::strerror(err); }

void closeFd(int& fd) {
    if (fd >= 0) {
        ::close(fd);
        fd = -1;
    }
}

int statusFromWait(int raw) {
    if (WIFEXITED(raw)) return WEXITSTATUS(raw);
    if (WIFSIGNALED(raw)) return 128 + WTERMSIG(raw);
    return -1;
}

bool isExecutableFile(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

std::string resolveProgram(const std::string& program, const std::vector<std::string>& env) {
    if (program.empty()) throw std::runtime_error("ChildProcess: empty program name");
    if (program.find('/') != std::string::npos) {
        if (!isExecutableFile(program)) throw std::runtime_error("ChildProcess: " + program + " is not an executable file");
        return program;
    }
    std::string path;
    for (const auto& entry : env) {
        if (entry.rfind("PATH=", 0) == 0) path = entry.substr(5);
    }
    if (path.empty()) path = "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= path.size()) {
        auto colon = path.find(':', start);
        if (colon == std::string::npos) colon = path.size();
        std::string dir = path.substr(start, colon - start);
        if (dir.empty()) dir = ".";
        const std::string candidate = dir + "/" + program;
        if (isExecutableFile(candidate)) return candidate;
        start = colon + 1;
    }
    throw std::runtime_error("ChildProcess: cannot find " + program + " in PATH (" + path + ")");
}

std::vector<std::string> buildEnvironment(const ChildProcess::Options& options) {
    std::vector<std::string> env;
    const auto nameOf = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    const auto removed = [&](const std::string& name) {
        for (const auto& u : options.unsetEnv) {
            if (u == name) return true;
        }
        for (const auto& e : options.env) {
            if (nameOf(e) == name) return true;
        }
        return false;
    };
    for (char** e = environ; e && *e; ++e) {
        std::string entry(*e);
        if (!removed(nameOf(entry))) env.push_back(std::move(entry));
    }
    for (const auto& e : options.env) {
        if (e.find('=') == std::string::npos) throw std::runtime_error("ChildProcess: env entry without '=': " + e);
        env.push_back(e);
    }
    return env;
}

}  // namespace

struct ChildProcess::Impl {
    pid_t pid = -1;
    std::string program;
    std::chrono::milliseconds grace{5000};
    int outFd = -1;
    int inFd = -1;
    int wakeRead = -1;
    int wakeWrite = -1;
    std::thread reader;

    mutable std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::string> lines;
    std::string partial;
    std::string transcript;
    bool eof = false;

    mutable std::mutex processMutex;
    std::optional<int> status;  // set once reaped

    ~Impl() {
        terminate();
        stopReader();
        closeFd(inFd);
    }

    void append(const char* data, std::size_t n) {
        std::lock_guard<std::mutex> lock(mutex);
        transcript.append(data, n);
        if (transcript.size() > kTranscriptLimit) transcript.erase(0, transcript.size() - kTranscriptLimit);
        partial.append(data, n);
        std::size_t start = 0;
        for (auto nl = partial.find('\n'); nl != std::string::npos; nl = partial.find('\n', start)) {
            std::string line = partial.substr(start, nl - start);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            lines.push_back(std::move(line));
            if (lines.size() > kQueueLimit) lines.pop_front();
            start = nl + 1;
        }
        partial.erase(0, start);
        changed.notify_all();
    }

    void finish() {
        std::lock_guard<std::mutex> lock(mutex);
        if (!partial.empty()) {
            lines.push_back(std::move(partial));
            partial.clear();
        }
        eof = true;
        changed.notify_all();
    }

    // Reads whatever is available without blocking; false at end of output or on error.
    bool drain() {
        char buffer[8192];
        for (;;) {
            const ssize_t n = ::read(outFd, buffer, sizeof buffer);
            if (n > 0) {
                append(buffer, static_cast<std::size_t>(n));
                continue;
            }
            if (n == 0) return false;
            if (errno == EINTR) continue;
            return errno == EAGAIN || errno == EWOULDBLOCK;
        }
    }

    void readLoop() {
        for (;;) {
            pollfd fds[2] = {{outFd, POLLIN, 0}, {wakeRead, POLLIN, 0}};
            const int ready = ::poll(fds, 2, -1);
            if (ready < 0) {
                if (errno == EINTR) continue;
                break;
            }
            if (fds[0].revents != 0 && !drain()) break;
            if (fds[1].revents != 0) {
                drain();  // whatever the child wrote before it went
                break;
            }
        }
        finish();
    }

    void stopReader() {
        if (reader.joinable()) {
            if (wakeWrite >= 0) {
                const char byte = 1;
                [[maybe_unused]] const ssize_t n = ::write(wakeWrite, &byte, 1);
            }
            reader.join();
        }
        closeFd(outFd);
        closeFd(wakeRead);
        closeFd(wakeWrite);
    }

    bool exitedNoReap() const {
        siginfo_t info{};
        info.si_pid = 0;
        while (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) {
            if (errno != EINTR) return true;  // ECHILD: nothing left to wait for
        }
        return info.si_pid != 0;
    }

    // Requires processMutex.
    void reap() {
        int raw = 0;
        pid_t r;
        do {
            r = ::waitpid(pid, &raw, 0);
        } while (r < 0 && errno == EINTR);
        status = r == pid ? statusFromWait(raw) : -1;
    }

    bool waitExit(Clock::time_point deadline) const {
        for (;;) {
            if (exitedNoReap()) return true;
            if (Clock::now() >= deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }

    int terminate() {
        std::lock_guard<std::mutex> lock(processMutex);
        if (status) return *status;
        if (pid <= 0) return -1;
        if (!exitedNoReap()) {
            ::kill(-pid, SIGTERM);
            if (!waitExit(Clock::now() + grace)) ::kill(-pid, SIGKILL);
            // Whatever else the child started in its group goes with it. The group id cannot be
            // reused before the child is reaped, so this cannot hit a stranger.
            ::kill(-pid, SIGKILL);
        }
        reap();
        return *status;
    }
};

ChildProcess::ChildProcess(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ChildProcess::ChildProcess(ChildProcess&&) noexcept = default;
ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        impl_.reset();  // stops the current child first
        impl_ = std::move(other.impl_);
    }
    return *this;
}
ChildProcess::~ChildProcess() = default;  // Impl's destructor terminates

ChildProcess ChildProcess::start(const std::string& program, const std::vector<std::string>& args, Options options) {
    // Everything the child needs is prepared before fork(): between fork and exec only
    // async-signal-safe calls are allowed (the test process has other threads).
    const std::vector<std::string> env = buildEnvironment(options);
    const std::string path = resolveProgram(program, env);
    std::vector<std::string> argvStrings;
    argvStrings.push_back(program);
    argvStrings.insert(argvStrings.end(), args.begin(), args.end());
    std::vector<char*> argv, envp;
    for (auto& a : argvStrings) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envCopy = env;
    for (auto& e : envCopy) envp.push_back(e.data());
    envp.push_back(nullptr);

    auto impl = std::make_unique<Impl>();
    impl->program = program;
    impl->grace = options.terminateGrace;

    int outPipe[2] = {-1, -1}, inPipe[2] = {-1, -1}, errPipe[2] = {-1, -1}, wakePipe[2] = {-1, -1};
    const auto closeAll = [&] {
        for (int* p : {outPipe, inPipe, errPipe, wakePipe}) {
            closeFd(p[0]);
            closeFd(p[1]);
        }
    };
    if (::pipe2(outPipe, O_CLOEXEC) != 0 || ::pipe2(errPipe, O_CLOEXEC) != 0 || ::pipe2(wakePipe, O_CLOEXEC) != 0 ||
        (options.pipeStdin && ::pipe2(inPipe, O_CLOEXEC) != 0)) {
        const int err = errno;
        closeAll();
        throw std::runtime_error(errnoText("ChildProcess: pipe", err));
    }
    const int devNull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devNull < 0) {
        const int err = errno;
        closeAll();
        throw std::runtime_error(errnoText("ChildProcess: /dev/null", err));
    }
    const char* workDir = options.workingDirectory.empty() ? nullptr : options.workingDirectory.c_str();
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid < 0) {
        const int err = errno;
        ::close(devNull);
        closeAll();
        throw std::runtime_error(errnoText("ChildProcess: fork", err));
    }
    if (pid == 0) {
        // Child: async-signal-safe calls only.
        int err = 0;
        if (options.dieWithParent) {
            if (::prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) err = errno;
            if (::getppid() != parent) ::_exit(127);  // the parent is already gone
        }
        ::setpgid(0, 0);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        for (int sig : {SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD}) {
            struct sigaction sa {};
            sa.sa_handler = SIG_DFL;
            ::sigaction(sig, &sa, nullptr);
        }
        const int stdinFd = options.pipeStdin ? inPipe[0] : devNull;
        const int stderrFd = options.stderrMode == Stderr::Merge     ? outPipe[1]
                             : options.stderrMode == Stderr::Discard ? devNull
                                                                     : STDERR_FILENO;
        if (err == 0 && ::dup2(stdinFd, STDIN_FILENO) < 0) err = errno;
        if (err == 0 && ::dup2(outPipe[1], STDOUT_FILENO) < 0) err = errno;
        if (err == 0 && stderrFd != STDERR_FILENO && ::dup2(stderrFd, STDERR_FILENO) < 0) err = errno;
        if (err == 0 && workDir && ::chdir(workDir) != 0) err = errno;
        if (err == 0) {
            ::execve(path.c_str(), argv.data(), envp.data());
            err = errno;
        }
        [[maybe_unused]] const ssize_t n = ::write(errPipe[1], &err, sizeof err);
        ::_exit(127);
    }

    // Parent. Also set the group here, so signalling -pid works even before the child ran.
    ::setpgid(pid, pid);
    ::close(devNull);
    closeFd(outPipe[1]);
    closeFd(inPipe[0]);
    closeFd(errPipe[1]);
    impl->pid = pid;

    int childErr = 0;
    ssize_t n;
    do {
        n = ::read(errPipe[0], &childErr, sizeof childErr);
    } while (n < 0 && errno == EINTR);
    closeFd(errPipe[0]);
    if (n == static_cast<ssize_t>(sizeof childErr)) {
        closeFd(outPipe[0]);
        closeFd(inPipe[1]);
        closeFd(wakePipe[0]);
        closeFd(wakePipe[1]);
        impl->terminate();
        throw std::runtime_error(errnoText("ChildProcess: cannot run " + path, childErr));
    }

    ::fcntl(outPipe[0], F_SETFL, ::fcntl(outPipe[0], F_GETFL) | O_NONBLOCK);
    impl->outFd = outPipe[0];
    impl->inFd = inPipe[1];
    impl->wakeRead = wakePipe[0];
    impl->wakeWrite = wakePipe[1];
    Impl* raw = impl.get();
    impl->reader = std::thread([raw] { raw->readLoop(); });
    return ChildProcess(std::move(impl));
}

ChildProcess::RunResult ChildProcess::run(const std::string& program, const std::vector<std::string>& args,
                                          std::chrono::milliseconds timeout, Options options) {
    ChildProcess child = start(program, args, std::move(options));
    const auto deadline = Clock::now() + timeout;
    RunResult result;
    std::string output;
    while (!child.outputFinished()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            break;
        }
        if (auto line = child.readLine(left)) {
            if (!output.empty()) output += '\n';
            output += *line;
        }
    }
    if (!result.timedOut) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        const auto status = child.wait(std::max(left, std::chrono::milliseconds(0)));
        if (!status) result.timedOut = true;
    }
    result.exitStatus = child.terminate();
    result.output = std::move(output);
    return result;
}

pid_t ChildProcess::pid() const { return impl_ ? impl_->pid : -1; }

const std::string& ChildProcess::program() const {
    static const std::string none;
    return impl_ ? impl_->program : none;
}

std::optional<std::string> ChildProcess::readLine(std::chrono::milliseconds timeout) {
    if (!impl_) return std::nullopt;
    std::unique_lock<std::mutex> lock(impl_->mutex);
    impl_->changed.wait_for(lock, timeout, [&] { return !impl_->lines.empty() || impl_->eof; });
    if (impl_->lines.empty()) return std::nullopt;
    std::string line = std::move(impl_->lines.front());
    impl_->lines.pop_front();
    return line;
}

std::optional<std::string> ChildProcess::waitForLine(const std::function<bool(const std::string&)>& match,
                                                     std::chrono::milliseconds timeout) {
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0 || outputFinished()) return std::nullopt;
        auto line = readLine(left);
        if (line && match(*line)) return line;
    }
}

std::optional<std::string> ChildProcess::waitForLineStartingWith(std::string_view prefix, std::chrono::milliseconds timeout) {
    return waitForLine([prefix](const std::string& line) { return line.rfind(prefix, 0) == 0; }, timeout);
}

bool ChildProcess::outputFinished() const {
    if (!impl_) return true;
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->eof && impl_->lines.empty();
}

std::string ChildProcess::transcript() const {
    if (!impl_) return {};
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->transcript;
}

void ChildProcess::writeStdin(std::string_view data) {
    if (!impl_ || impl_->inFd < 0) throw std::runtime_error("ChildProcess: stdin is not a pipe (set Options::pipeStdin)");
    // A closed pipe raises SIGPIPE; block it for this thread and swallow one raised meanwhile.
    sigset_t pipeSet, old, pending;
    sigemptyset(&pipeSet);
    sigaddset(&pipeSet, SIGPIPE);
    sigpending(&pending);
    const bool wasPending = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipeSet, &old);
    int err = 0;
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(impl_->inFd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            err = errno;
            break;
        }
        done += static_cast<std::size_t>(n);
    }
    if (err == EPIPE && !wasPending) {
        const timespec zero{0, 0};
        sigtimedwait(&pipeSet, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    if (err != 0) throw std::runtime_error(errnoText("ChildProcess: writing to the stdin of " + impl_->program, err));
}

void ChildProcess::closeStdin() {
    if (impl_) closeFd(impl_->inFd);
}

bool ChildProcess::running() const {
    if (!impl_) return false;
    std::lock_guard<std::mutex> lock(impl_->processMutex);
    return !impl_->status && !impl_->exitedNoReap();
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout) {
    if (!impl_) return std::nullopt;
    std::lock_guard<std::mutex> lock(impl_->processMutex);
    if (impl_->status) return impl_->status;
    if (!impl_->waitExit(Clock::now() + timeout)) return std::nullopt;
    impl_->reap();
    return impl_->status;
}

int ChildProcess::terminate() { return impl_ ? impl_->terminate() : -1; }

void ChildProcess::signal(int sig) {
    if (!impl_) return;
    std::lock_guard<std::mutex> lock(impl_->processMutex);
    if (!impl_->status && impl_->pid > 0) ::kill(-impl_->pid, sig);
}

std::optional<int> ChildProcess::exitStatus() const {
    if (!impl_) return std::nullopt;
    std::lock_guard<std::mutex> lock(impl_->processMutex);
    return impl_->status;
}

std::string describeExitStatus(int status) {
    if (status < 0) return "unknown exit status";
    if (status > 128 && status < 128 + 65) {
        const int sig = status - 128;
        const char* name = sigabbrev_np(sig);
        return "killed by signal " + std::to_string(sig) + (name ? std::string(" (SIG") + name + ")" : std::string());
    }
    return "exit code " + std::to_string(status);
}

}  // namespace tessera::test
