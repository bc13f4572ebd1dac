#pragma once
// What the benchmarks share: an in-process server with production settings on a temporary
// SQLite database, seeded citizens, a small HTTP client for loopback, and CPU-time clocks
// (figures come from CPU time, so other programs on the machine do not skew them).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "web/Application.h"

namespace tessera::bench {

struct BenchAccount {
    std::string email;
    std::string secret;  // raw TOTP secret bytes
};

inline const std::string kPassword = "benchmark passphrase 42";

// A server on 127.0.0.1 (a free port), production settings otherwise; removes its folder
// when destroyed.
class BenchServer {
public:
    BenchServer();
    ~BenchServer();
    web::Application& app() { return *app_; }
    web::Services& services() { return app_->services(); }
    int port() const { return app_->port(); }

private:
    std::string dir_;
    std::unique_ptr<web::Application> app_;
};

// Active citizens with TOTP, the current terms accepted, sharing one password hash.
std::vector<BenchAccount> seedAccounts(web::Services& ctx, int count);

struct Answer {
    int status = 0;
    std::string body;
    std::string location;
    std::vector<std::string> cookies;  // "name=value" of each Set-Cookie
};

struct HttpCall {
    std::string method = "GET";
    std::string path;
    std::string contentType;  // with a body
    std::string body;
    std::string cookie;        // "name=value", sent as Cookie
    std::map<std::string, std::string> headers;
};

// One request on a fresh loopback connection (as a separate client would).
Answer call(int port, const HttpCall& c);

// Signs in over the REST API (password, then the TOTP code); the session cookie, or "" when refused.
std::string signIn(int port, const BenchAccount& a);

double threadCpuMillis();
double processCpuMillis();
int argOr(int argc, char** argv, const std::string& name, int fallback);

}  // namespace tessera::bench
