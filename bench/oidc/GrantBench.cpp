// Token grants per second against a real tessera server on loopback, next to the ceiling the
// signature sets: `openssl speed ecdsap256`, run in the same invocation.
//
//   tessera-bench-grants [--seconds S] [--clients C]
//
// 1. Client credentials: a service's back-end asks POST /oauth2/token (client_secret_basic,
//    grant_type=client_credentials). Each grant: client authentication (SHA-256 of the
//    secret), one ES256 signature, one access-token row.
// 2. Authorization code: a signed-in citizen who already consented is sent by the service to
//    GET /oauth2/authorize (PKCE S256) and comes back at once with a code (SSO); the
//    service exchanges the code at POST /oauth2/token. Each exchange: client authentication,
//    the code's single-use check, PKCE, two ES256 signatures (access and ID token), a refresh
//    token, and their rows. The two halves are measured separately.
// Figures are CPU time of the whole process (server and the in-process load client) unless
// marked "server": those exclude the client threads' own CPU time.
#include <Poco/Base64Encoder.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "../support/BenchSupport.h"
#include "core/services/ServiceRegistry.h"
#include "infra/Digest.h"
#include "infra/Encoding.h"
#include "infra/Random.h"

using Clock = std::chrono::steady_clock;
using namespace tessera::bench;

namespace {

const std::string kRedirect = "http://127.0.0.1:9/callback";  // never called: the code is read from Location

struct Client {
    std::string clientId, secret, basic;  // basic: the Authorization header value
};

Client registerService(tessera::web::Services& ctx) {
    tessera::core::ServiceChanges c;
    c.name = "Bench service";
    c.redirectUris = std::vector<std::string>{"http://127.0.0.1/callback"};
    c.clientType = "confidential";
    c.tokenEndpointAuthMethod = "client_secret_basic";
    c.grantTypes = std::vector<std::string>{"authorization_code", "refresh_token", "client_credentials"};
    c.allowedScopes = std::vector<std::string>{"openid", "profile", "email"};
    c.allowedClaims = std::vector<std::string>{"name", "email", "email_verified"};
    c.consentText = std::map<std::string, std::string>{{"en", "The bench reads your name and email."}};
    tessera::core::ServiceRegistry registry(ctx);
    auto made = registry.create(c, {"system", ""});
    if (!made) {
        std::cerr << "cannot register the service: " << made.error().message << "\n";
        std::exit(1);
    }
    std::ostringstream b64;
    Poco::Base64Encoder enc(b64);
    enc.rdbuf()->setLineLength(0);
    enc << made->service.clientId << ":" << made->clientSecret;  // both are URL-safe: no form-encoding needed
    enc.close();
    return {made->service.clientId, made->clientSecret, "Basic " + b64.str()};
}

std::string formEncode(const std::string& v) {
    std::string out;
    Poco::URI::encode(v, "!#$&'()*+,/:;=?@[]", out);
    return out;
}

struct Pkce {
    std::string verifier, challenge;
};

Pkce makePkce() {
    Pkce p;
    p.verifier = tessera::infra::random::token(32);
    p.challenge = tessera::infra::encoding::base64url(tessera::infra::digest::sha256(p.verifier));
    return p;
}

std::string authorizePath(const Client& client, const Pkce& pkce) {
    return "/oauth2/authorize?response_type=code&client_id=" + formEncode(client.clientId) +
           "&redirect_uri=" + formEncode(kRedirect) + "&scope=openid%20profile%20email&state=bench&nonce=" +
           tessera::infra::random::id() + "&code_challenge=" + pkce.challenge + "&code_challenge_method=S256";
}

std::string queryValue(const std::string& url, const std::string& name) {
    Poco::URI uri(url);
    for (const auto& [k, v] : uri.getQueryParameters())
        if (k == name) return v;
    return "";
}

std::string hiddenValue(const std::string& html, const std::string& name) {
    std::regex re("name=\"" + name + "\" value=\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(html, m, re) ? m[1].str() : "";
}

// The first authorization: the consent page, answered "allow" like a citizen would. Later
// authorizations come back with a code at once.
void consentOnce(int port, const std::string& cookie, const Client& client) {
    const Pkce pkce = makePkce();
    std::string path = authorizePath(client, pkce);
    for (int hop = 0; hop < 5; ++hop) {
        auto a = call(port, {"GET", path, "", "", cookie, {}});
        if (a.status == 200) {
            // The consent form (the page's header also holds a sign-out form).
            const std::string action = "/oauth2/authorize/consent";
            std::string body;
            for (const char* field : {"csrf", "pending"}) {
                const std::string v = hiddenValue(a.body, field);
                if (!v.empty()) body += std::string(body.empty() ? "" : "&") + field + "=" + formEncode(v);
            }
            body += "&decision=allow";
            auto decided = call(port, {"POST", action, "application/x-www-form-urlencoded", body, cookie, {}});
            // After a form post the portal hands back through a "continue" page (CSP form-action
            // forbids a redirect to the service), whose link carries the code.
            if (!queryValue(decided.location, "code").empty() || decided.body.find("code=") != std::string::npos)
                return;
            std::cerr << "the consent form answered " << decided.status << " " << decided.location << "\n";
            std::exit(1);
        }
        if (a.location.empty()) break;
        if (!queryValue(a.location, "code").empty()) return;
        Poco::URI next(a.location);
        path = next.getPathAndQuery();
    }
    std::cerr << "could not reach the consent page\n";
    std::exit(1);
}

struct Phase {
    int done = 0, failed = 0;
    double seconds = 0, cpuMillis = 0, clientCpuMillis = 0;
    double perSecond() const { return done / seconds; }
    double perCore() const { return 1000.0 * done / cpuMillis; }
    double serverPerCore() const { return 1000.0 * done / (cpuMillis - clientCpuMillis); }
};

// Runs `work` on `clients` threads until `deadline` or until it returns false (nothing left).
template <typename Work>
Phase run(int clients, Clock::time_point deadline, Work work) {
    Phase p;
    std::atomic<int> done{0}, failed{0};
    std::atomic<long long> clientMicros{0};
    const auto start = Clock::now();
    const double cpu0 = processCpuMillis();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&] {
            const double t0 = threadCpuMillis();
            while (Clock::now() < deadline) {
                int outcome = work();  // 1 done, 0 refused, -1 nothing left
                if (outcome < 0) break;
                (outcome ? done : failed)++;
            }
            clientMicros += static_cast<long long>((threadCpuMillis() - t0) * 1000.0);
        });
    for (auto& t : threads) t.join();
    p.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    p.cpuMillis = processCpuMillis() - cpu0;
    p.clientCpuMillis = clientMicros / 1000.0;
    p.done = done;
    p.failed = failed;
    return p;
}

// `openssl speed` for ECDSA P-256 on one core: {signs per second, verifies per second}.
std::pair<double, double> opensslEcdsaP256(int seconds) {
    const std::string cmd = "openssl speed -seconds " + std::to_string(seconds) + " ecdsap256 2>/dev/null";
    FILE* pipe = popen(cmd.c_str(), "r");
    if (!pipe) return {0, 0};
    std::string out;
    char buf[512];
    while (fgets(buf, sizeof buf, pipe)) out += buf;
    pclose(pipe);
    // " 256 bits ecdsa (nistp256)   0.0000s   0.0001s  44327.6  14417.3"
    std::regex re(R"(256 bits ecdsa \(nistp256\)\s+\S+\s+\S+\s+([0-9.]+)\s+([0-9.]+))");
    std::smatch m;
    if (!std::regex_search(out, m, re)) return {0, 0};
    return {std::stod(m[1].str()), std::stod(m[2].str())};
}

void printPhase(const char* what, const Phase& p) {
    std::printf("| %s: completed | %d (%d refused) in %.1f s |\n", what, p.done, p.failed, p.seconds);
    std::printf("| %s per second (wall clock, whole machine) | %.0f |\n", what, p.perSecond());
    std::printf("| %s per second per core (CPU time, server + client) | %.0f |\n", what, p.perCore());
    std::printf("| %s per second per core (server CPU time only) | %.0f |\n", what, p.serverPerCore());
}

}  // namespace

int main(int argc, char** argv) {
    const int seconds = argOr(argc, argv, "--seconds", 10);
    const int clients = argOr(argc, argv, "--clients", int(std::thread::hardware_concurrency()));
    const unsigned cores = std::thread::hardware_concurrency();

    BenchServer server;
    auto& ctx = server.services();
    const int port = server.port();
    const Client client = registerService(ctx);
    const auto citizen = seedAccounts(ctx, 1).front();
    const std::string cookie = signIn(port, citizen);
    if (cookie.empty()) {
        std::cerr << "the bench citizen could not sign in\n";
        return 1;
    }
    consentOnce(port, cookie, client);

    // 1. Client credentials.
    const std::map<std::string, std::string> basic{{"Authorization", client.basic}};
    auto credentials = run(clients, Clock::now() + std::chrono::seconds(seconds), [&] {
        auto a = call(port, {"POST", "/oauth2/token", "application/x-www-form-urlencoded",
                             "grant_type=client_credentials", "", basic});
        return a.status == 200 ? 1 : 0;
    });

    // 2a. Authorizations (SSO, consent given): collect codes. Codes live 60 s, so this half
    // stops early enough for every code to be exchanged in time.
    const Pkce pkce = makePkce();
    const std::string authorize = authorizePath(client, pkce);
    std::mutex codesMutex;
    std::vector<std::string> codes;
    const int authorizeSeconds = std::min(seconds, 20);
    auto authorizations = run(clients, Clock::now() + std::chrono::seconds(authorizeSeconds), [&] {
        auto a = call(port, {"GET", authorize, "", "", cookie, {}});
        const std::string code = queryValue(a.location, "code");
        if (code.empty()) return 0;
        std::lock_guard<std::mutex> lock(codesMutex);
        codes.push_back(code);
        return 1;
    });

    // 2b. Code exchanges.
    std::atomic<std::size_t> nextCode{0};
    const std::string tail = "&redirect_uri=" + formEncode(kRedirect) + "&code_verifier=" + pkce.verifier;
    auto exchanges = run(clients, Clock::now() + std::chrono::seconds(40), [&] {
        const std::size_t i = nextCode++;
        if (i >= codes.size()) return -1;
        auto a = call(port, {"POST", "/oauth2/token", "application/x-www-form-urlencoded",
                             "grant_type=authorization_code&code=" + codes[i] + tail, "", basic});
        return a.status == 200 && a.body.find("\"id_token\"") != std::string::npos ? 1 : 0;
    });

    const auto [signs, verifies] = opensslEcdsaP256(3);

    std::printf("| figure | value |\n| --- | --- |\n");
    std::printf("| cores | %u |\n| client threads | %d |\n", cores, clients);
    printPhase("client-credentials grants", credentials);
    printPhase("authorizations (SSO, code issued)", authorizations);
    printPhase("code exchanges (access + ID + refresh token)", exchanges);
    std::printf("| openssl speed ecdsap256: signs per second, one core | %.0f |\n", signs);
    std::printf("| openssl speed ecdsap256: verifies per second, one core | %.0f |\n", verifies);
    if (signs > 0) {
        std::printf("| client-credentials grants per core as a share of the signing ceiling | %.1f %% |\n",
                    100.0 * credentials.serverPerCore() / signs);
        std::printf("| code exchanges per core as a share of the ceiling (two signatures each) | %.1f %% |\n",
                    100.0 * exchanges.serverPerCore() / (signs / 2.0));
    }
    return credentials.failed + authorizations.failed + exchanges.failed == 0 ? 0 : 2;
}
