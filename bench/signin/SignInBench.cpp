// Sign-in throughput against a real tessera server on loopback, next to the cost of the one
// Argon2id verification each sign-in must do, measured in the same run.
//
//   tessera-bench-signin [--accounts N] [--seconds S] [--clients C]
//
// Each sign-in is the citizen's full path over HTTP: POST /api/v1/sessions (email+password,
// one Argon2id verify) then POST /api/v1/sessions/second-factor (a TOTP code). Every account
// signs in at most once per TOTP step (codes are never accepted twice), so the bench seeds
// enough accounts; they share one password hash, which changes nothing on the verify path.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/Util/MapConfiguration.h>

#include <sys/resource.h>
#include <time.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include "core/auth/TotpSecrets.h"
#include "core/terms/TermsService.h"
#include "infra/Random.h"
#include "infra/Totp.h"
#include "web/Application.h"

using Clock = std::chrono::steady_clock;

namespace {

struct BenchAccount {
    std::string email;
    std::string secret;  // raw TOTP secret bytes
};

const std::string kPassword = "benchmark passphrase 42";

std::vector<BenchAccount> seedAccounts(tessera::web::Services& ctx, int count) {
    std::vector<BenchAccount> out;
    tessera::core::TermsService terms(ctx);
    std::vector<std::string> termsIds;
    auto current = terms.current("en");
    if (!current) {
        std::cerr << "no terms: " << current.error().message << "\n";
        std::exit(1);
    }
    for (const auto& d : *current) termsIds.push_back(d.id);
    const std::string hash = ctx.passwords.hash(kPassword);
    auto r = ctx.db.transaction<int>([&](Poco::Data::Session& s) -> tessera::Result<int> {
        for (int i = 0; i < count; ++i) {
            tessera::core::Account a;
            a.id = tessera::infra::random::id();
            a.email = "bench" + std::to_string(i) + "@bench.example.org";
            a.emailVerified = true;
            a.name = "Bench Citizen";
            a.passwordHash = hash;
            a.status = tessera::core::AccountStatus::Active;
            a.secondFactor = tessera::core::SecondFactorMethod::Totp;
            a.createdAt = a.updatedAt = ctx.clock.now();
            std::string secret = tessera::infra::totp::generateSecret();
            a.totpSecret = tessera::core::sealTotpSecret(ctx.dataKey, a.id, secret);
            if (auto ok = ctx.accounts.insert(s, a); !ok) return ok.error();
            if (auto ok = terms.accept(s, a.id, termsIds, ctx.clock.now()); !ok) return ok.error();
            out.push_back({a.email, secret});
        }
        return count;
    });
    if (!r) {
        std::cerr << "seeding failed: " << r.error().message << "\n";
        std::exit(1);
    }
    return out;
}

struct Answer {
    int status = 0;
    std::string body;
    std::string cookie;
};

Answer post(int port, const std::string& path, const std::string& body, const std::string& cookie,
            const std::string& csrf) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    Poco::Net::HTTPRequest req("POST", path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setContentType("application/json");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    if (!cookie.empty()) {
        Poco::Net::NameValueCollection c;
        auto eq = cookie.find('=');
        c.add(cookie.substr(0, eq), cookie.substr(eq + 1));
        req.setCookies(c);
    }
    if (!csrf.empty()) req.set("X-CSRF-Token", csrf);
    session.sendRequest(req) << body;
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    Answer a;
    a.status = int(resp.getStatus());
    Poco::StreamCopier::copyToString(in, a.body);
    std::vector<Poco::Net::HTTPCookie> cookies;
    resp.getCookies(cookies);
    if (!cookies.empty()) a.cookie = cookies.front().getName() + "=" + cookies.front().getValue();
    return a;
}

std::string csrfOf(const std::string& body) {
    Poco::JSON::Parser p;
    auto o = p.parse(body).extract<Poco::JSON::Object::Ptr>();
    return o->getObject("session")->getValue<std::string>("csrfToken");
}

// One full sign-in; false if any step was refused.
bool signIn(int port, const BenchAccount& a) {
    auto first = post(port, "/api/v1/sessions",
                      R"({"email":")" + a.email + R"(","password":")" + kPassword + R"("})", "", "");
    if (first.status != 200) return false;
    const std::string code = tessera::infra::totp::code(a.secret, std::time(nullptr));
    auto second = post(port, "/api/v1/sessions/second-factor", R"({"code":")" + code + R"("})", first.cookie,
                       csrfOf(first.body));
    return second.status == 200;
}

// CPU time, not wall time: other programs on the machine then do not skew the figures.
double threadCpuMillis() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

double processCpuMillis() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    auto ms = [](const timeval& t) { return t.tv_sec * 1000.0 + t.tv_usec / 1000.0; };
    return ms(u.ru_utime) + ms(u.ru_stime);
}

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

int argOr(int argc, char** argv, const std::string& name, int fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (argv[i] == name) return std::atoi(argv[i + 1]);
    return fallback;
}

}  // namespace

int main(int argc, char** argv) {
    const int accounts = argOr(argc, argv, "--accounts", 3000);
    const int seconds = argOr(argc, argv, "--seconds", 10);
    const int clients = argOr(argc, argv, "--clients", int(std::thread::hardware_concurrency()));
    const unsigned cores = std::thread::hardware_concurrency();

    const std::string dir = std::filesystem::temp_directory_path() / ("tessera-bench-" + tessera::infra::random::id());
    Poco::AutoPtr<Poco::Util::MapConfiguration> config(new Poco::Util::MapConfiguration);
    tessera::infra::applyEnvironmentOverrides(*config);
    auto base = tessera::infra::Settings::from(*config);  // defaults, as an operator would get them
    if (!base) {
        std::cerr << base.error().message << "\n";
        return 1;
    }
    tessera::infra::Settings s = *base;
    s.httpHost = "127.0.0.1";
    s.httpPort = 0;
    s.dataDir = dir;
    s.databaseUrl = "sqlite://" + dir + "/bench.db";
    s.cookieSecure = false;
    s.logLevel = "warning";
    s.throttleFreeFailures = 1000;  // nothing fails here; keep the throttle out of the way anyway
    auto app = tessera::web::Application::create(s);
    if (!app) {
        std::cerr << "cannot start: " << app.error().message << "\n";
        return 1;
    }
    auto& ctx = (*app)->services();
    auto pool = seedAccounts(ctx, accounts);
    (*app)->start();
    const int port = (*app)->port();

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
                if (signIn(port, pool[std::size_t(i)])) ++done;
                else ++failed;
            }
            clientCpuMicros += static_cast<long long>((threadCpuMillis() - cpu0) * 1000.0);
        });
    }
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    const double cpuUsed = processCpuMillis() - cpuStart;  // server and client threads together
    (*app)->stop(5);

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
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return failed.load() == 0 ? 0 : 2;
}
