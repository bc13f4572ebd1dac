// Sign-in throughput against a real tessera server on loopback, next to the cost of the one
// Argon2id verification each sign-in must do, measured in the same run.
//
//   tessera-bench-signin [--accounts N] [--seconds S] [--clients C]
//
// Each sign-in is the citizen's full path over HTTP: POST /api/v1/sessions (email+password,
// one Argon2id verify) then POST /api/v1/sessions/second-factor (a TOTP code). Every account
// signs in at most once per TOTP step (codes are never accepted twice), so the bench seeds
// enough accounts; they share one password hash, which changes nothing on the verify path.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <thread>
#include <vector>

#include "../support/BenchSupport.h"

using Clock = std::chrono::steady_clock;
using namespace tessera::bench;

namespace {

// One full sign-in; false if any step was refused.
bool signsIn(int port, const BenchAccount& a) { return !signIn(port, a).empty(); }

double argon2Millis(const tessera::infra::PasswordHasher& hasher, int rounds) {
    const std::string hash = hasher.hash(kPassword);
    const double start = threadCpuMillis();
    for (int i = 0; i < rounds; ++i) {
        if (!hasher.verify(hash, kPassword)) std::abort();
    }
    return (threadCpuMillis() - start) / rounds;
}

// The same verification on `threads` threads at once, as the server runs it under load:
// Argon2id is memory-hard, so parallel hashes compete for cache and memory bandwidth.
double argon2MillisConcurrent(const tessera::infra::PasswordHasher& hasher, int rounds, int threads) {
    std::vector<std::thread> pool;
    std::vector<double> each(std::size_t(threads), 0.0);
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] { each[std::size_t(t)] = argon2Millis(hasher, rounds); });
    for (auto& t : pool) t.join();
    double sum = 0;
    for (double v : each) sum += v;
    return sum / threads;
}


}  // namespace

int main(int argc, char** argv) {
    const int accounts = argOr(argc, argv, "--accounts", 3000);
    const int seconds = argOr(argc, argv, "--seconds", 10);
    const int clients = argOr(argc, argv, "--clients", int(std::thread::hardware_concurrency()));
    const unsigned cores = std::thread::hardware_concurrency();

    BenchServer server;
    auto& ctx = server.services();
    auto pool = seedAccounts(ctx, accounts);
    const int port = server.port();

    const double hashAloneMs = argon2Millis(ctx.passwords, 20);
    const double hashMs = argon2MillisConcurrent(ctx.passwords, 20, clients);

    std::atomic<int> next{0}, done{0}, failed{0};
    std::atomic<long long> clientCpuMicros{0};
    const auto deadline = Clock::now() + std::chrono::seconds(seconds);
    auto start = Clock::now();
    const double cpuStart = processCpuMillis();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&] {
            const double cpu0 = threadCpuMillis();
            while (Clock::now() < deadline) {
                int i = next++;
                if (i >= int(pool.size())) break;  // ran out of fresh accounts for this TOTP step
                if (signsIn(port, pool[std::size_t(i)])) ++done;
                else ++failed;
            }
            clientCpuMicros += static_cast<long long>((threadCpuMillis() - cpu0) * 1000.0);
        });
    }
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double cpuUsed = processCpuMillis() - cpuStart;  // server and client threads together

    const double rate = done / elapsed;
    const double cpuPerSignIn = cpuUsed / done;  // CPU-milliseconds one sign-in costs, all included
    const double perCore = 1000.0 / cpuPerSignIn;
    const double overhead = (cpuPerSignIn - hashMs) / cpuPerSignIn * 100.0;
    // The load client runs in this process too; the server's own share excludes its threads.
    const double serverCpuPerSignIn = (cpuUsed - clientCpuMicros / 1000.0) / done;
    const double serverPerCore = 1000.0 / serverCpuPerSignIn;
    const double serverOverhead = (serverCpuPerSignIn - hashMs) / serverCpuPerSignIn * 100.0;
    const double hashRatePerCore = 1000.0 / hashMs;

    std::printf("| figure | value |\n| --- | --- |\n");
    std::printf("| cores | %u |\n| client threads | %d |\n| run | %.1f s |\n", cores, clients, elapsed);
    std::printf("| sign-ins completed (password + TOTP) | %d (%d refused) |\n", done.load(), failed.load());
    std::printf("| sign-ins per second (wall clock, whole machine) | %.1f |\n", rate);
    std::printf("| sign-ins per second per core (from CPU time) | %.1f |\n", perCore);
    std::printf("| Argon2id verify (m=%u KiB, t=%u, p=%u), CPU time, alone | %.2f ms |\n",
                ctx.passwords.params().memoryKiB, ctx.passwords.params().iterations,
                ctx.passwords.params().parallelism, hashAloneMs);
    std::printf("| Argon2id verify, CPU time, %d at once (as under this load) | %.2f ms (%.1f per second per core) |\n",
                clients, hashMs, hashRatePerCore);
    std::printf("| CPU time per sign-in (server + in-process client) | %.2f ms |\n", cpuPerSignIn);
    std::printf("| share of a sign-in that is not the hash | %.1f %% |\n", overhead);
    std::printf("| server CPU time per sign-in (client threads excluded) | %.2f ms |\n", serverCpuPerSignIn);
    std::printf("| server sign-ins per second per core | %.1f |\n", serverPerCore);
    std::printf("| share of the server's work that is not the hash | %.1f %% |\n", serverOverhead);
    return failed.load() == 0 ? 0 : 2;
}
